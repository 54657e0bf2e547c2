import crypto from "node:crypto"
import type { Context, Logger } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import {
  ShopeeClient,
  TokenSource,
  tokensFromResponse,
  type ShopeeShop,
  type ShopeeTokens,
} from "@shopee-medusa/shopee-client"
import type { ShopeeEnvironment } from "./environments"
import { buildKeyring, EncryptionNotConfiguredError, type Keyring } from "./lib/encryption-keys"
import { fingerprint } from "./lib/fingerprint"
import { missingFieldsMessage, missingProfileFields } from "./lib/profile-completeness"
import { decryptSecret, encryptSecret, keyIdOf, type SecretContext } from "./lib/secret-box"
import { shopeeUrls } from "./lib/shopee-urls"
import { ACTIVE_ENVIRONMENT_ROW_ID, ShopeeActiveEnvironment } from "./models/shopee-active-environment"
import { ShopeeProfile } from "./models/shopee-profile"
import { ShopeeAuthToken } from "./models/shopee-auth-token"
import { ShopeeRawEvent, type RawEventStatus } from "./models/shopee-raw-event"
import { ConnectorException } from "./models/connector-exception"
import { ShopeeOrderSync } from "./models/shopee-order-sync"
import { ShopeeProductMap } from "./models/shopee-product-map"
import { ShopeeSyncCursor } from "./models/shopee-sync-cursor"
import { ShopeeStockSetting } from "./models/shopee-stock-setting"
import { ShopeeStockModeChange } from "./models/shopee-stock-mode-change"
import { ShopeeStockRun } from "./models/shopee-stock-run"
import { ShopeeStockRunRow } from "./models/shopee-stock-run-row"
import { ShopeeStockModelState } from "./models/shopee-stock-model-state"
import { ShopeeStockDirtyMark } from "./models/shopee-stock-dirty-mark"
import { databaseErrorName, isUniqueViolation, PushNotStoredError } from "./lib/database-errors"
import { parsePush, unreadablePush } from "./lib/parse-push"
import { storedPushBody } from "./lib/push-body"
import { bindingDigest, bindingMatches, newBindingSecret, signOAuthState, verifyOAuthState, type OAuthStatePayload } from "./lib/oauth-state"
import { shopForCallback, type CallbackShopRefusal } from "./lib/oauth-callback-shop"
import { ShopeeOAuthStateUse } from "./models/shopee-oauth-state-use"
import { allowedApiBaseUrlsOf, orderImportSettings, publicUrlOf, validatePluginOptions, type ShopeePluginOptions } from "./options"
import { apiBaseUrlProblem } from "./lib/api-base-url"
import type {
  CreateProfileInput,
  PresentedProfile,
  ProfileCredentials,
  ProfileFieldsInput,
} from "./types"
import { applyCatalogueChanges, type CatalogueChanges } from "./catalogue/apply-catalogue-changes"
import { beginCatalogueRun, latestCatalogueRun, type CatalogueRun } from "./catalogue/catalogue-run"

type ProfileRow = {
  id: string
  environment: ShopeeEnvironment
  name: string
  partner_id: string | null
  partner_key_encrypted: string | null
  push_partner_key_encrypted: string | null
  shop_id: string | null
  region: PresentedProfile["region"]
  api_base_url: string | null
  default_location_id: string | null
  is_active: boolean
  updated_at: Date
}

/** The encrypted columns of a profile, by the name the API uses for the plain value. */
const PROFILE_SECRETS = {
  partner_key: "partner_key_encrypted",
  push_partner_key: "push_partner_key_encrypted",
} as const
type ProfileSecret = keyof typeof PROFILE_SECRETS

export type RotationProgress = { done: number; total: number }
export type RotationReport = {
  dry_run: boolean
  key_id: string
  /** Ciphertexts written with an older key before this run. */
  pending: number
  reencrypted: number
  /** Ciphertexts that no key of this server can read; a person must re-enter them. */
  unreadable: number
}

/** Takes a lock that excludes other instances (Medusa's locking module, given by the caller). */
export type WithLock = <T>(key: string, job: () => Promise<T>) => Promise<T>

export type RecordPushInput = {
  environment: ShopeeEnvironment
  profile_id: string | null
  path: string
  headers: Record<string, string>
  /** The exact bytes received (the signature covers them). */
  raw_body: Buffer
  signature_ok: boolean
}

export type RawEventRow = {
  id: string
  environment: ShopeeEnvironment
  code: number | null
  shop_id: string | null
  order_sn: string | null
  status: RawEventStatus
  signature_ok: boolean
  raw_body: string
  attempts: number
}

export type TokenState = {
  state: "none" | "connected" | "expired"
  shop_id: number | null
  access_expires_at: Date | null
  refresh_expires_at: Date | null
  last_refreshed_at: Date | null
}

type TokenRow = {
  id: string
  environment: ShopeeEnvironment
  profile_id: string
  shop_id: string
  access_token_encrypted: string
  refresh_token_encrypted: string
  access_expires_at: Date
  refresh_expires_at: Date
  last_refreshed_at: Date | null
}

class ShopeeModuleService extends MedusaService({
  ShopeeActiveEnvironment,
  ShopeeProfile,
  ShopeeAuthToken,
  ShopeeRawEvent,
  ConnectorException,
  ShopeeOrderSync,
  ShopeeProductMap,
  ShopeeSyncCursor,
  ShopeeOAuthStateUse,
  ShopeeStockSetting,
  ShopeeStockModeChange,
  ShopeeStockRun,
  ShopeeStockRunRow,
  ShopeeStockModelState,
  ShopeeStockDirtyMark,
}) {
  protected readonly options_: ShopeePluginOptions
  protected readonly logger_: Logger
  /** Clients by profile id, each with the signature of the row it was built from. */
  protected readonly clients_ = new Map<string, { signature: string; client: ShopeeClient; tokens?: TokenSource }>()

  constructor(container: Record<string, unknown>, options: ShopeePluginOptions = {}) {
    super(...arguments)
    validatePluginOptions(options ?? {})
    this.options_ = options ?? {}
    this.logger_ = container.logger as Logger
  }

  // ---- environments ----------------------------------------------------------------------

  /** Where imported orders go in Medusa (sales channel, shipping option), from the plugin options. */
  get orderImportSettings() {
    return orderImportSettings(this.options_)
  }

  get pinnedEnvironment(): ShopeeEnvironment | undefined {
    return this.options_.pinned_environment
  }

  /** The environment this instance serves: the pin when the plugin options set one. */
  async getActiveEnvironment(): Promise<ShopeeEnvironment> {
    if (this.options_.pinned_environment) {
      return this.options_.pinned_environment
    }
    const row = await this.retrieveShopeeActiveEnvironment(ACTIVE_ENVIRONMENT_ROW_ID)
    return row.environment
  }

  /**
   * Switches the environment this instance serves. The target's active profile must be
   * complete; a switch to the current environment changes nothing.
   */
  @InjectTransactionManager()
  async switchActiveEnvironment(
    environment: ShopeeEnvironment,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ active_environment: ShopeeEnvironment; changed: boolean }> {
    if (this.options_.pinned_environment) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `This instance is pinned to ${this.options_.pinned_environment} by the plugin option pinned_environment; it cannot switch environments.`
      )
    }
    const current = await this.retrieveShopeeActiveEnvironment(ACTIVE_ENVIRONMENT_ROW_ID, {}, sharedContext)
    if (current.environment === environment) {
      return { active_environment: environment, changed: false }
    }
    const target = await this.activeProfileRow(environment, sharedContext)
    const missing = missingProfileFields(target)
    if (missing.length > 0) {
      throw new MedusaError(MedusaError.Types.CONFLICT, missingFieldsMessage(missing))
    }
    await this.updateShopeeActiveEnvironments({ id: ACTIVE_ENVIRONMENT_ROW_ID, environment }, sharedContext)
    return { active_environment: environment, changed: true }
  }

  // ---- profiles --------------------------------------------------------------------------

  @InjectManager()
  async listProfiles(
    environment: ShopeeEnvironment | undefined,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PresentedProfile[]> {
    const rows = (await this.listShopeeProfiles(
      environment ? { environment } : {},
      { order: { environment: "ASC", created_at: "ASC" } },
      sharedContext
    )) as ProfileRow[]
    return rows.map((row) => this.presentProfile(row))
  }

  @InjectManager()
  async getProfile(id: string, @MedusaContext() sharedContext: Context = {}): Promise<PresentedProfile> {
    return this.presentProfile(await this.profileRow(id, sharedContext))
  }

  @InjectManager()
  async getActiveProfile(
    environment: ShopeeEnvironment,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PresentedProfile> {
    return this.presentProfile(await this.activeProfileRow(environment, sharedContext))
  }

  /** A new profile; it becomes its environment's active profile only when that has none. */
  @InjectTransactionManager()
  async createProfile(
    input: CreateProfileInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PresentedProfile> {
    const id = generateEntityId(undefined, "shprof")
    const existingActive = await this.listShopeeProfiles(
      { environment: input.environment, is_active: true },
      { select: ["id"] },
      sharedContext
    )
    await this.assertNameFree(input.environment, input.name, undefined, sharedContext)
    const row = await this.createShopeeProfiles(
      {
        id,
        environment: input.environment,
        name: input.name,
        region: input.region ?? (input.environment === "sandbox" ? "TEST_GLOBAL" : "GLOBAL"),
        is_active: existingActive.length === 0,
        ...this.columnsFromInput(input, { id, environment: input.environment }),
      },
      sharedContext
    )
    const presented = this.presentProfile(row as ProfileRow)
    this.logChange("created", presented, input)
    return presented
  }

  @InjectTransactionManager()
  async updateProfile(
    id: string,
    input: ProfileFieldsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PresentedProfile> {
    const row = await this.profileRow(id, sharedContext)
    if (input.name !== undefined && input.name !== row.name) {
      await this.assertNameFree(row.environment, input.name, row.id, sharedContext)
    }
    const columns = this.columnsFromInput(input, row)
    const next = { ...row, ...columns }
    const missing = missingProfileFields(next)
    const wasComplete = missingProfileFields(row).length === 0
    if (wasComplete && missing.length > 0 && row.is_active && (await this.servesEnvironment(row.environment, sharedContext))) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `This profile serves the active environment and would become incomplete. ${missingFieldsMessage(missing)}`
      )
    }
    const updated = await this.updateShopeeProfiles(
      { id, ...(input.name !== undefined ? { name: input.name } : {}), ...(input.region ? { region: input.region } : {}), ...columns },
      sharedContext
    )
    const presented = this.presentProfile(updated as ProfileRow)
    this.logChange("updated", presented, input)
    return presented
  }

  /** Makes a profile its environment's active one, in one transaction with the deactivation. */
  @InjectTransactionManager()
  async activateProfile(id: string, @MedusaContext() sharedContext: Context = {}): Promise<PresentedProfile> {
    const row = await this.profileRow(id, sharedContext)
    if (row.is_active) {
      return this.presentProfile(row)
    }
    const missing = missingProfileFields(row)
    if (missing.length > 0 && (await this.servesEnvironment(row.environment, sharedContext))) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `${row.environment} is the active environment; its active profile must be complete. ${missingFieldsMessage(missing)}`
      )
    }
    const active = (await this.listShopeeProfiles(
      { environment: row.environment, is_active: true },
      { select: ["id"] },
      sharedContext
    )) as { id: string }[]
    if (active.length > 0) {
      await this.updateShopeeProfiles(
        { selector: { id: active.map((profile) => profile.id) }, data: { is_active: false } },
        sharedContext
      )
    }
    const updated = await this.updateShopeeProfiles({ id, is_active: true }, sharedContext)
    return this.presentProfile(updated as ProfileRow)
  }

  @InjectTransactionManager()
  async deleteProfile(id: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const row = await this.profileRow(id, sharedContext)
    if (row.is_active) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Profile "${row.name}" is the active ${row.environment} profile; activate another ${row.environment} profile before deleting it.`
      )
    }
    await this.softDeleteShopeeProfiles([id], {}, sharedContext)
    this.clients_.delete(id)
  }

  /** The URLs the operator registers at Shopee for an environment. */
  urlsFor(environment: ShopeeEnvironment) {
    return shopeeUrls(publicUrlOf(this.options_), environment)
  }

  // ---- using the credentials -------------------------------------------------------------

  /** The active profile's decrypted credentials; refuses an incomplete profile, naming what is missing. */
  @InjectManager()
  async getCredentials(
    environment: ShopeeEnvironment,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ProfileCredentials> {
    return this.credentialsOf(await this.activeProfileRow(environment, sharedContext))
  }

  /**
   * The client for an environment's active profile. The row is read on every call and the
   * client rebuilt when any of its fields changed, so a PATCH, an activation, a delete or a
   * direct SQL edit, on this instance or another, is seen by the next call.
   */
  @InjectManager()
  async getClient(
    environment: ShopeeEnvironment,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ client: ShopeeClient; credentials: ProfileCredentials }> {
    const row = await this.activeProfileRow(environment, sharedContext)
    const credentials = this.credentialsOf(row)
    const signature = JSON.stringify([
      row.partner_id,
      row.partner_key_encrypted,
      row.shop_id,
      row.region,
      row.api_base_url,
    ])
    const cached = this.clients_.get(row.id)
    if (cached && cached.signature === signature) {
      return { client: cached.client, credentials }
    }
    const client = this.clientFor(row)
    this.clients_.set(row.id, { signature, client })
    return { client, credentials }
  }

  /**
   * The shop API of an environment's active profile, with tokens from the database that refresh
   * ahead of expiry, once at a time per shop: in this process through the shared TokenSource,
   * across instances through `withLock`.
   */
  async getShopApi(
    environment: ShopeeEnvironment,
    withLock: WithLock
  ): Promise<{ shop: ShopeeShop; tokens: TokenSource; credentials: ProfileCredentials }> {
    const { client, credentials } = await this.getClient(environment)
    const entry = this.clients_.get(credentials.profile_id)!
    entry.tokens ??= new TokenSource({
      auth: client.auth,
      keyOf: (owner) => `${credentials.profile_id}:${"shopId" in owner ? owner.shopId : owner.merchantId}`,
      store: {
        load: (key) => this.loadTokens(key),
        save: (key, tokens) => this.saveTokens(key, tokens),
        withLock: (key, job) => withLock(`shopee-token:${key}`, job),
      },
    })
    return { shop: client.shop({ shopId: credentials.shop_id, tokens: entry.tokens }), tokens: entry.tokens, credentials }
  }

  /** The token state the operator sees for an environment's active profile and shop. */
  @InjectManager()
  async getTokenState(environment: ShopeeEnvironment, @MedusaContext() sharedContext: Context = {}): Promise<TokenState> {
    const profile = await this.activeProfileRow(environment, sharedContext)
    const [row] = profile.shop_id
      ? ((await this.listShopeeAuthTokens({ profile_id: profile.id, shop_id: profile.shop_id }, {}, sharedContext)) as TokenRow[])
      : []
    if (!row) {
      return { state: "none", shop_id: profile.shop_id ? Number(profile.shop_id) : null, access_expires_at: null, refresh_expires_at: null, last_refreshed_at: null }
    }
    // The access token alone lapsing is routine (it is refreshed); a lapsed refresh token is not.
    const expired = row.refresh_expires_at.getTime() <= Date.now()
    return {
      state: expired ? "expired" : "connected",
      shop_id: Number(row.shop_id),
      access_expires_at: row.access_expires_at,
      refresh_expires_at: row.refresh_expires_at,
      last_refreshed_at: row.last_refreshed_at,
    }
  }

  /** Tokens whose access token lapses within `withinMs`, for the refresh job. */
  @InjectManager()
  async listTokensExpiringWithin(withinMs: number, @MedusaContext() sharedContext: Context = {}) {
    const rows = (await this.listShopeeAuthTokens(
      { access_expires_at: { $lte: new Date(Date.now() + withinMs) } },
      { select: ["id", "environment", "profile_id", "shop_id", "access_expires_at"] },
      sharedContext
    )) as TokenRow[]
    return rows.map((row) => ({ environment: row.environment, profile_id: row.profile_id, shop_id: Number(row.shop_id), access_expires_at: row.access_expires_at }))
  }

  @InjectManager()
  protected async loadTokens(key: string, @MedusaContext() sharedContext: Context = {}): Promise<ShopeeTokens | null> {
    const [profileId, shopId] = key.split(":")
    const [row] = (await this.listShopeeAuthTokens({ profile_id: profileId, shop_id: shopId }, {}, sharedContext)) as TokenRow[]
    if (!row) return null
    const keyring = this.requireKeyring()
    return {
      accessToken: decryptSecret(row.access_token_encrypted, keyring, this.tokenContext(row, "access_token")),
      refreshToken: decryptSecret(row.refresh_token_encrypted, keyring, this.tokenContext(row, "refresh_token")),
      accessTokenExpiresAt: row.access_expires_at.getTime(),
      refreshTokenExpiresAt: row.refresh_expires_at.getTime(),
    }
  }

  /** Writes a shop's tokens; the row id is fixed first so the ciphertexts can be bound to it. */
  @InjectTransactionManager()
  protected async saveTokens(
    key: string,
    tokens: ShopeeTokens,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const [profileId, shopId] = key.split(":")
    const profile = await this.profileRow(profileId, sharedContext)
    const [existing] = (await this.listShopeeAuthTokens({ profile_id: profileId, shop_id: shopId }, { select: ["id"] }, sharedContext)) as TokenRow[]
    const id = existing?.id ?? generateEntityId(undefined, "shtok")
    const context = { id, environment: profile.environment }
    const keyring = this.requireKeyring()
    const columns = {
      access_token_encrypted: encryptSecret(tokens.accessToken, keyring, this.tokenContext(context, "access_token")),
      refresh_token_encrypted: encryptSecret(tokens.refreshToken, keyring, this.tokenContext(context, "refresh_token")),
      access_expires_at: new Date(tokens.accessTokenExpiresAt),
      refresh_expires_at: new Date(tokens.refreshTokenExpiresAt),
    }
    if (existing) {
      await this.updateShopeeAuthTokens({ id, ...columns, last_refreshed_at: new Date() }, sharedContext)
    } else {
      await this.createShopeeAuthTokens(
        { id, environment: profile.environment, profile_id: profileId, shop_id: shopId, ...columns },
        sharedContext
      )
    }
  }

  protected tokenContext(row: { id: string; environment: ShopeeEnvironment }, column: string): SecretContext {
    return { table: "shopee_auth_token", rowId: row.id, column, environment: row.environment }
  }

  // ---- shop authorization (OAuth) --------------------------------------------------------

  /**
   * Shopee's authorization link for an environment's active profile, with a signed, expiring,
   * single-use state. The state names the admin user who asked and carries the digest of
   * `binding_secret`, which the caller keeps in that browser (a cookie): only that browser can
   * complete the authorization.
   */
  @InjectManager()
  async createAuthorizationLink(
    environment: ShopeeEnvironment,
    requester: { actor_id: string | null } = { actor_id: null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ url: string; redirect: string; expires_at: Date; binding_secret: string }> {
    const row = await this.activeProfileRow(environment, sharedContext)
    const missing = missingProfileFields(row).filter((field) => field !== "shop_id")
    if (missing.length > 0) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Save the ${environment} credentials first. ${missingFieldsMessage(missing)}`)
    }
    const bindingSecret = newBindingSecret()
    const { state, payload } = signOAuthState(
      { env: environment, profile_id: row.id, actor_id: requester.actor_id, binding: bindingDigest(bindingSecret) },
      this.oauthStateKey(),
      Date.now()
    )
    const redirect = `${this.urlsFor(environment).oauth_callback_url}?state=${encodeURIComponent(state)}`
    const client = this.clientFor(row)
    return { url: client.buildAuthorizationUrl({ redirect }), redirect, expires_at: new Date(payload.exp), binding_secret: bindingSecret }
  }

  /**
   * Completes a shop authorization. With a state: it must be genuine, unexpired, for this
   * environment, presented by the browser it was issued to, and unused (it is spent before the
   * code is exchanged). Without one (an authorization started from Shopee's console), only the
   * tokens of the shop the profile already names may be renewed. Answers an outcome instead of
   * throwing: the caller turns it into a redirect.
   */
  async completeAuthorization(input: {
    environment: ShopeeEnvironment
    code: string
    shop_id: string | undefined
    state: string | undefined
    /** The binding secret from the browser's cookie, if it sent one. */
    binding: string | undefined
  }): Promise<{ status: "ok" } | { status: "error"; reason: "bad_state" | "not_configured" | "exchange_failed" | CallbackShopRefusal }> {
    let statePayload: OAuthStatePayload | null = null
    if (input.state !== undefined) {
      try {
        statePayload = verifyOAuthState(input.state, this.oauthStateKey(), Date.now())
      } catch {
        statePayload = null
      }
      if (!statePayload || statePayload.env !== input.environment || !bindingMatches(statePayload, input.binding)) {
        return { status: "error", reason: "bad_state" }
      }
    }
    let profile: ProfileRow
    try {
      profile = statePayload
        ? await this.profileRow(statePayload.profile_id, {})
        : await this.activeProfileRow(input.environment, {})
    } catch {
      return { status: "error", reason: "not_configured" }
    }
    if (missingProfileFields(profile).some((field) => field !== "shop_id") || !this.keyring()) {
      return { status: "error", reason: "not_configured" }
    }
    const shop = shopForCallback({ withState: !!statePayload, profileShopId: profile.shop_id, queryShopId: input.shop_id })
    if (!shop.ok) {
      if (shop.reason === "missing_state") {
        this.logger_.warn(
          `Shopee ${profile.environment} callback without a state for a shop the profile "${profile.name}" does not name: refused (start the authorization with Connect in the admin)`
        )
      }
      return { status: "error", reason: shop.reason }
    }
    if (statePayload && !(await this.spendOAuthState(statePayload))) {
      return { status: "error", reason: "bad_state" }
    }
    const shopId = Number(shop.shop_id)
    try {
      const client = this.clientFor(profile)
      const answer = await client.auth.getAccessToken({ code: input.code, shop_id: shopId })
      await this.saveTokens(`${profile.id}:${shopId}`, tokensFromResponse(answer, Date.now()))
      if (shop.adopt) {
        await this.updateShopeeProfiles({ id: profile.id, shop_id: String(shopId) })
      }
      const by = statePayload?.actor_id ? ` by user ${statePayload.actor_id}` : " (started outside the store, renewing the profile's shop)"
      this.logger_.info(`Shopee ${profile.environment} shop ${shopId} authorized for profile "${profile.name}" (${profile.id})${by}`)
      return { status: "ok" }
    } catch (error) {
      this.logger_.warn(`Shopee ${profile.environment} authorization of shop ${shopId} failed: ${(error as Error).message}`)
      return { status: "error", reason: "exchange_failed" }
    }
  }

  /** Records a state as used; false when it already was (here or on another instance). */
  protected async spendOAuthState(payload: OAuthStatePayload): Promise<boolean> {
    try {
      await this.createShopeeOAuthStateUses({
        nonce: payload.nonce,
        environment: payload.env,
        profile_id: payload.profile_id,
        actor_id: payload.actor_id ?? null,
        expires_at: new Date(payload.exp),
      })
    } catch (error) {
      if (isUniqueViolation(error)) return false
      throw error
    }
    // An expired state is refused by its signature check anyway: its record is no longer needed.
    await this.deleteShopeeOAuthStateUses({ expires_at: { $lt: new Date() } } as never).catch(() => undefined)
    return true
  }

  protected oauthStateKey(): Buffer {
    return crypto.createHash("sha256").update("shopee-oauth-state-key:").update(this.requireKeyring().current.key).digest()
  }

  // ---- pushes ----------------------------------------------------------------------------

  /**
   * Stores a push as received, before it is acknowledged. A push whose signature failed or
   * whose body is unreadable (not UTF-8, a NUL, not JSON, a field its column cannot hold) is
   * stored as `rejected` with an exception explaining it; a push already received is stored as
   * `duplicate` of the first. Only a `pending` row is processed. Throws only a
   * `PushNotStoredError` (whose message carries no values) when not even a rejected row fits.
   */
  async recordPush(input: RecordPushInput): Promise<RawEventRow> {
    const body = storedPushBody(input.raw_body)
    const parsed = body.problem ? unreadablePush(body.problem) : parsePush(body.text)
    const base = {
      environment: input.environment,
      profile_id: input.profile_id,
      path: input.path,
      headers: input.headers,
      raw_body: body.text,
      raw_body_base64: body.base64,
      signature_ok: input.signature_ok,
      code: parsed.code,
      shop_id: parsed.shop_id,
      order_sn: parsed.order_sn,
      shopee_timestamp: parsed.shopee_timestamp,
      parse_error: parsed.parse_error,
    }
    if (!input.signature_ok || parsed.parse_error) {
      const reason = !input.signature_ok
        ? `The push's Authorization signature does not match (URL ${this.publicUrlForPath(input.path)}); it was stored but not processed. Check the push partner key of the ${input.environment} profile.`
        : `${parsed.parse_error}; the push was stored but not processed.`
      return this.storeRejectedPush(base, !input.signature_ok ? "push_signature_invalid" : "push_unreadable", reason)
    }
    try {
      return (await this.createShopeeRawEvents({ ...base, dedupe_key: parsed.dedupe_key, status: "pending" })) as RawEventRow
    } catch (error) {
      if (!isUniqueViolation(error)) {
        // The fields were checked, so this should not happen; if it does, the push is still kept.
        const problem = `Storing the push's fields failed (${databaseErrorName(error)})`
        return this.storeRejectedPush(
          { ...base, code: null, shop_id: null, order_sn: null, shopee_timestamp: null, parse_error: problem },
          "push_unreadable",
          `${problem}; the push was stored but not processed.`
        )
      }
      const [first] = (await this.listShopeeRawEvents(
        { environment: input.environment, dedupe_key: parsed.dedupe_key },
        { select: ["id"] }
      )) as RawEventRow[]
      return (await this.createShopeeRawEvents({
        ...base,
        status: "duplicate",
        processed: true,
        duplicate_of: first?.id ?? null,
        status_reason: `Duplicate of ${first?.id ?? "an earlier push"}`,
      })) as RawEventRow
    }
  }

  /** The one way a rejected push is recorded; a failure here surfaces without the statement. */
  protected async storeRejectedPush(base: Record<string, unknown>, kind: string, message: string): Promise<RawEventRow> {
    try {
      return await this.recordRejectedPush(base, kind, message)
    } catch (error) {
      throw new PushNotStoredError(error)
    }
  }

  @InjectTransactionManager()
  protected async recordRejectedPush(
    base: Record<string, unknown>,
    kind: string,
    message: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RawEventRow> {
    const event = (await this.createShopeeRawEvents({ ...base, status: "rejected", status_reason: message } as never, sharedContext)) as RawEventRow
    await this.createConnectorExceptions(
      { environment: base.environment as ShopeeEnvironment, kind, message, payload_ref: event.id },
      sharedContext
    )
    return event
  }

  /** Where a push arrived, as Shopee signed it: the configured public URL plus the path. */
  publicUrlForPath(path: string): string {
    return `${publicUrlOf(this.options_).replace(/\/+$/, "")}${path}`
  }

  /** Records the outcome of processing an event. */
  async markEvent(id: string, status: RawEventStatus, reason: string | null, error?: string): Promise<void> {
    const [event] = (await this.listShopeeRawEvents({ id }, { select: ["id", "attempts"] })) as RawEventRow[]
    await this.updateShopeeRawEvents({
      id,
      status,
      processed: status === "processed" || status === "ignored" || status === "duplicate",
      status_reason: reason,
      attempts: (event?.attempts ?? 0) + 1,
      last_error: error ?? null,
    })
  }

  /** Opens an exception for a person, unless the same one is already open. */
  async raiseException(input: {
    environment: ShopeeEnvironment | null
    kind: string
    message: string
    payload_ref?: string | null
  }): Promise<{ id: string; created: boolean }> {
    const [open] = (await this.listConnectorExceptions(
      { kind: input.kind, payload_ref: input.payload_ref ?? null, environment: input.environment, status: ["open", "retrying"] },
      { select: ["id"] }
    )) as { id: string }[]
    if (open) return { id: open.id, created: false }
    const created = (await this.createConnectorExceptions({ ...input, payload_ref: input.payload_ref ?? null })) as { id: string }
    return { id: created.id, created: true }
  }

  // ---- key rotation ----------------------------------------------------------------------

  /** How many ciphertexts each key wrote; everything on the current key means a finished rotation. */
  @InjectManager()
  async encryptionStatus(@MedusaContext() sharedContext: Context = {}) {
    const keyring = this.requireKeyring()
    const byKey: Record<string, number> = {}
    let unreadable = 0
    for (const row of (await this.listShopeeProfiles({}, {}, sharedContext)) as ProfileRow[]) {
      for (const secret of Object.keys(PROFILE_SECRETS) as ProfileSecret[]) {
        const stored = row[PROFILE_SECRETS[secret]]
        if (!stored) continue
        const id = keyIdOf(stored) ?? "unknown"
        byKey[id] = (byKey[id] ?? 0) + 1
        try {
          decryptSecret(stored, keyring, this.secretContext(row, secret))
        } catch {
          unreadable += 1
        }
      }
    }
    const total = Object.values(byKey).reduce((sum, count) => sum + count, 0)
    return {
      key_id: keyring.current.id,
      by_key: byKey,
      total,
      on_current_key: byKey[keyring.current.id] ?? 0,
      unreadable,
    }
  }

  /**
   * Re-encrypts every secret written with an older key, a batch at a time. Each row is
   * rewritten only if its ciphertext is still the one read (a concurrent PATCH wins), and every
   * ciphertext stays readable throughout: an interrupted run leaves old and new ciphertexts,
   * both readable while the old key is configured as a previous key, and a second run
   * finishes the job.
   */
  async rotateEncryption(options: {
    dryRun?: boolean
    batchSize?: number
    onProgress?: (progress: RotationProgress) => void | Promise<void>
  } = {}): Promise<RotationReport> {
    const keyring = this.requireKeyring()
    const batchSize = Math.max(1, options.batchSize ?? 100)
    const stale = ((await this.listShopeeProfiles({}, { select: ["id", "environment", ...Object.values(PROFILE_SECRETS)] })) as ProfileRow[])
      .filter((row) =>
        (Object.values(PROFILE_SECRETS) as (keyof ProfileRow)[]).some((column) => {
          const stored = row[column] as string | null
          return stored && keyIdOf(stored) !== keyring.current.id
        })
      )
    const report: RotationReport = { dry_run: !!options.dryRun, key_id: keyring.current.id, pending: 0, reencrypted: 0, unreadable: 0 }
    for (const row of stale) {
      for (const column of Object.values(PROFILE_SECRETS)) {
        const stored = row[column]
        if (stored && keyIdOf(stored) !== keyring.current.id) report.pending += 1
      }
    }
    if (options.dryRun) {
      await options.onProgress?.({ done: 0, total: stale.length })
      return report
    }
    let done = 0
    for (let start = 0; start < stale.length; start += batchSize) {
      for (const row of stale.slice(start, start + batchSize)) {
        const outcome = await this.reencryptProfileRow(row, keyring)
        report.reencrypted += outcome.reencrypted
        report.unreadable += outcome.unreadable
        done += 1
      }
      await options.onProgress?.({ done, total: stale.length })
    }
    return report
  }

  @InjectTransactionManager()
  protected async reencryptProfileRow(
    row: ProfileRow,
    keyring: Keyring,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ reencrypted: number; unreadable: number }> {
    const data: Record<string, string> = {}
    const expected: Record<string, string> = {}
    let unreadable = 0
    for (const secret of Object.keys(PROFILE_SECRETS) as ProfileSecret[]) {
      const column = PROFILE_SECRETS[secret]
      const stored = row[column]
      if (!stored || keyIdOf(stored) === keyring.current.id) continue
      const context = this.secretContext(row, secret)
      try {
        data[column] = encryptSecret(decryptSecret(stored, keyring, context), keyring, context)
        expected[column] = stored
      } catch {
        unreadable += 1
      }
    }
    if (Object.keys(data).length === 0) {
      return { reencrypted: 0, unreadable }
    }
    const updated = await this.updateShopeeProfiles({ selector: { id: row.id, ...expected }, data }, sharedContext)
    return { reencrypted: updated.length > 0 ? Object.keys(data).length : 0, unreadable }
  }

  // ---- internals -------------------------------------------------------------------------

  /** A client signing with the profile's partner credentials; the caller checked they are present. */
  protected clientFor(row: ProfileRow): ShopeeClient {
    // Checked again at use: a row written before this rule, or a server allowance since removed.
    const problem = row.api_base_url ? apiBaseUrlProblem(row.api_base_url, row.environment, allowedApiBaseUrlsOf(this.options_)) : null
    if (problem) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The ${row.environment} profile "${row.name}" cannot be used: ${problem}. Change its api_base_url.`
      )
    }
    return new ShopeeClient({
      partnerId: Number(row.partner_id),
      partnerKey: decryptSecret(row.partner_key_encrypted!, this.requireKeyring(), this.secretContext(row, "partner_key")),
      ...(row.api_base_url ? { baseUrl: row.api_base_url } : { region: row.region }),
    })
  }

  /** An audit line naming what changed; secrets appear only as fingerprints. */
  protected logChange(action: string, profile: PresentedProfile, input: ProfileFieldsInput): void {
    const changes = (Object.keys(input) as (keyof ProfileFieldsInput)[]).map((field) =>
      field in PROFILE_SECRETS ? `${field}=${profile[field as ProfileSecret] ?? "cleared"}` : field
    )
    this.logger_.info(
      `Shopee ${profile.environment} profile "${profile.name}" (${profile.id}) ${action}: ${changes.join(", ") || "no fields"}`
    )
  }

  protected keyring(): Keyring | null {
    return buildKeyring({
      encryptionKey: this.options_.encryption_key ?? process.env.SHOPEE_ENCRYPTION_KEY,
      previousEncryptionKeys: this.options_.previous_encryption_keys ?? process.env.SHOPEE_ENCRYPTION_KEY_PREVIOUS,
      jwtSecret: process.env.JWT_SECRET,
    })
  }

  protected requireKeyring(): Keyring {
    const keyring = this.keyring()
    if (!keyring) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, new EncryptionNotConfiguredError().message)
    }
    return keyring
  }

  protected secretContext(row: { id: string; environment: ShopeeEnvironment }, secret: ProfileSecret): SecretContext {
    return { table: "shopee_profile", rowId: row.id, column: secret, environment: row.environment }
  }

  /** Turns operator input into stored columns: ids as digit strings, secrets encrypted for this row. */
  protected columnsFromInput(
    input: ProfileFieldsInput,
    row: { id: string; environment: ShopeeEnvironment }
  ): Partial<ProfileRow> {
    const columns: Partial<ProfileRow> = {}
    if (input.partner_id !== undefined) columns.partner_id = input.partner_id === null ? null : String(input.partner_id)
    if (input.shop_id !== undefined) columns.shop_id = input.shop_id === null ? null : String(input.shop_id)
    if (input.api_base_url !== undefined && input.api_base_url !== null) {
      const problem = apiBaseUrlProblem(input.api_base_url, row.environment, allowedApiBaseUrlsOf(this.options_))
      if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
    }
    if (input.api_base_url !== undefined) columns.api_base_url = input.api_base_url
    if (input.default_location_id !== undefined) columns.default_location_id = input.default_location_id
    for (const secret of Object.keys(PROFILE_SECRETS) as ProfileSecret[]) {
      const value = input[secret]
      if (value === undefined) continue
      columns[PROFILE_SECRETS[secret]] =
        value === null ? null : encryptSecret(value, this.requireKeyring(), this.secretContext(row, secret))
    }
    return columns
  }

  protected presentProfile(row: ProfileRow): PresentedProfile {
    const keyring = this.keyring()
    const unreadable: string[] = []
    const shown = (secret: ProfileSecret): string | null => {
      const stored = row[PROFILE_SECRETS[secret]]
      if (!stored) return null
      try {
        if (!keyring) throw new EncryptionNotConfiguredError()
        return fingerprint(decryptSecret(stored, keyring, this.secretContext(row, secret)))
      } catch {
        unreadable.push(secret)
        return null
      }
    }
    const missing = missingProfileFields(row)
    return {
      id: row.id,
      environment: row.environment,
      name: row.name,
      partner_id: row.partner_id === null ? null : Number(row.partner_id),
      partner_key: shown("partner_key"),
      push_partner_key: shown("push_partner_key"),
      shop_id: row.shop_id === null ? null : Number(row.shop_id),
      region: row.region,
      api_base_url: row.api_base_url,
      default_location_id: row.default_location_id,
      is_active: row.is_active,
      complete: missing.length === 0,
      missing,
      unreadable_secrets: unreadable,
      updated_at: row.updated_at,
    }
  }

  protected credentialsOf(row: ProfileRow): ProfileCredentials {
    const missing = missingProfileFields(row)
    if (missing.length > 0) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The active ${row.environment} profile "${row.name}" is incomplete. ${missingFieldsMessage(missing)}`
      )
    }
    const keyring = this.requireKeyring()
    return {
      profile_id: row.id,
      environment: row.environment,
      partner_id: Number(row.partner_id),
      partner_key: decryptSecret(row.partner_key_encrypted!, keyring, this.secretContext(row, "partner_key")),
      push_partner_key: row.push_partner_key_encrypted
        ? decryptSecret(row.push_partner_key_encrypted, keyring, this.secretContext(row, "push_partner_key"))
        : null,
      shop_id: Number(row.shop_id),
      region: row.region,
      api_base_url: row.api_base_url,
    }
  }

  protected async profileRow(id: string, sharedContext: Context): Promise<ProfileRow> {
    const [row] = (await this.listShopeeProfiles({ id }, {}, sharedContext)) as ProfileRow[]
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Shopee profile ${id} was not found`)
    }
    return row
  }

  protected async activeProfileRow(environment: ShopeeEnvironment, sharedContext: Context): Promise<ProfileRow> {
    const [row] = (await this.listShopeeProfiles({ environment, is_active: true }, {}, sharedContext)) as ProfileRow[]
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `There is no active ${environment} profile`)
    }
    return row
  }

  protected async servesEnvironment(environment: ShopeeEnvironment, sharedContext: Context): Promise<boolean> {
    if (this.options_.pinned_environment) {
      return this.options_.pinned_environment === environment
    }
    const current = await this.retrieveShopeeActiveEnvironment(ACTIVE_ENVIRONMENT_ROW_ID, {}, sharedContext)
    return current.environment === environment
  }

  protected async assertNameFree(
    environment: ShopeeEnvironment,
    name: string,
    exceptId: string | undefined,
    sharedContext: Context
  ): Promise<void> {
    const clash = (await this.listShopeeProfiles({ environment, name }, { select: ["id"] }, sharedContext)) as { id: string }[]
    if (clash.some((profile) => profile.id !== exceptId)) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `A ${environment} profile named "${name}" already exists`)
    }
  }

  // ---- catalogue (the logic lives in ./catalogue) ------------------------------------------

  /** One batch of product-map changes (read listings, matches, retirements), in one transaction. */
  @InjectTransactionManager()
  async applyCatalogueChanges(changes: CatalogueChanges, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await applyCatalogueChanges(this as never, changes, sharedContext)
  }

  /** Begins a catalogue import of an environment's active profile; 409 while one is running. */
  async beginCatalogueRun(environment: ShopeeEnvironment, requestedMode: CatalogueRun["requested_mode"]): Promise<CatalogueRun> {
    const profile = await this.getActiveProfile(environment)
    return beginCatalogueRun(this as never, { environment, profile_id: profile.id, requested_mode: requestedMode })
  }

  /** The latest catalogue import of an environment's active profile, with its progress; null before the first. */
  async latestCatalogueRun(environment: ShopeeEnvironment): Promise<CatalogueRun | null> {
    return latestCatalogueRun(this as never, (await this.getActiveProfile(environment)).id)
  }
}

export default ShopeeModuleService

import crypto from "node:crypto"
import type { Context, Logger } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { tokensFromResponse, type ShopeeTokens } from "@shopee-medusa/shopee-client"
import { isUniqueViolation } from "../database-errors"
import type { ShopeeEnvironment } from "../environments"
import { publicUrlOf, type ShopeePluginOptions } from "../options"
import { missingFieldsMessage, missingProfileFields } from "../profiles/profile-completeness"
import type { ProfileRows } from "../profiles/profile-rows"
import { keyringOf, requireKeyring } from "../secrets/keyring"
import type { ShopeeClients } from "../shopee-api/shopee-clients"
import { shopeeUrls } from "../shopee-urls"
import type { ProfileRow, ShopeeTableAccess } from "../tables"
import { codeExchangeRefusal, type CodeExchangeRefusal } from "./code-exchange-refusal"
import { shopForCallback, type CallbackShopRefusal } from "./oauth-callback-shop"
import { bindingDigest, bindingMatches, newBindingSecret, signOAuthState, verifyOAuthState, type OAuthStatePayload } from "./oauth-state"

type AuthorizationTables = Pick<ShopeeTableAccess, "createShopeeOAuthStateUses" | "deleteShopeeOAuthStateUses" | "updateShopeeProfiles">

export type CompleteAuthorizationInput = {
  environment: ShopeeEnvironment
  code: string
  shop_id: string | undefined
  state: string | undefined
  /** The binding secret from the browser's cookie, if it sent one. */
  binding: string | undefined
}
export type AuthorizationOutcome =
  { status: "ok" } | { status: "error"; reason: "bad_state" | "not_configured" | CodeExchangeRefusal | CallbackShopRefusal }

/** Shopee's shop authorization: the link with its signed single-use state, and the callback. */
export class ShopAuthorization {
  constructor(
    private readonly tables: AuthorizationTables,
    private readonly profiles: ProfileRows,
    private readonly clients: ShopeeClients,
    private readonly options: ShopeePluginOptions,
    private readonly logger: Logger,
    /** Stores a shop's tokens in a transaction of their own. */
    private readonly saveTokens: (key: string, tokens: ShopeeTokens) => Promise<void>
  ) {}

  /**
   * Shopee's authorization link for an environment's active profile, with a signed, expiring,
   * single-use state. The state names the admin user who asked and carries the digest of
   * `binding_secret`, which the caller keeps in that browser (a cookie): only that browser can
   * complete the authorization.
   */
  async link(environment: ShopeeEnvironment, requester: { actor_id: string | null }, sharedContext: Context) {
    const row = await this.profiles.activeOf(environment, sharedContext)
    const missing = missingProfileFields(row).filter((field) => field !== "shop_id")
    if (missing.length > 0) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Save the ${environment} credentials first. ${missingFieldsMessage(missing)}`)
    }
    const bindingSecret = newBindingSecret()
    const { state, payload } = signOAuthState(
      { env: environment, profile_id: row.id, actor_id: requester.actor_id, binding: bindingDigest(bindingSecret) },
      this.stateKey(),
      Date.now()
    )
    const redirect = `${shopeeUrls(publicUrlOf(this.options), environment).oauth_callback_url}?state=${encodeURIComponent(state)}`
    const client = this.clients.build(row)
    return { url: client.buildAuthorizationUrl({ redirect }), redirect, expires_at: new Date(payload.exp), binding_secret: bindingSecret }
  }

  /**
   * Completes a shop authorization. With a state: it must be genuine, unexpired, for this
   * environment, presented by the browser it was issued to, and unused (it is spent before the
   * code is exchanged). Without one (an authorization started from Shopee's console), only the
   * tokens of the shop the profile already names may be renewed. Answers an outcome instead of
   * throwing: the caller turns it into a redirect.
   */
  async complete(input: CompleteAuthorizationInput): Promise<AuthorizationOutcome> {
    let statePayload: OAuthStatePayload | null = null
    if (input.state !== undefined) {
      try {
        statePayload = verifyOAuthState(input.state, this.stateKey(), Date.now())
      } catch {
        statePayload = null
      }
      if (!statePayload || statePayload.env !== input.environment || !bindingMatches(statePayload, input.binding)) {
        return { status: "error", reason: "bad_state" }
      }
    }
    let profile: ProfileRow
    try {
      profile = statePayload ? await this.profiles.byId(statePayload.profile_id, {}) : await this.profiles.activeOf(input.environment, {})
    } catch {
      return { status: "error", reason: "not_configured" }
    }
    if (missingProfileFields(profile).some((field) => field !== "shop_id") || !keyringOf(this.options)) {
      return { status: "error", reason: "not_configured" }
    }
    const shop = shopForCallback({ withState: !!statePayload, profileShopId: profile.shop_id, queryShopId: input.shop_id })
    if (!shop.ok) {
      if (shop.reason === "missing_state") {
        this.logger.warn(
          `Shopee ${profile.environment} callback without a state for a shop the profile "${profile.name}" does not name: refused (start the authorization with Connect in the admin)`
        )
      }
      return { status: "error", reason: shop.reason }
    }
    if (statePayload && !(await this.spendState(statePayload))) {
      return { status: "error", reason: "bad_state" }
    }
    const shopId = Number(shop.shop_id)
    try {
      const answer = await this.clients.build(profile).auth.getAccessToken({ code: input.code, shop_id: shopId })
      await this.saveTokens(`${profile.id}:${shopId}`, tokensFromResponse(answer, Date.now()))
      if (shop.adopt) {
        await this.tables.updateShopeeProfiles({ id: profile.id, shop_id: String(shopId) })
      }
      const by = statePayload?.actor_id ? ` by user ${statePayload.actor_id}` : " (started outside the store, renewing the profile's shop)"
      this.logger.info(`Shopee ${profile.environment} shop ${shopId} authorized for profile "${profile.name}" (${profile.id})${by}`)
      return { status: "ok" }
    } catch (error) {
      this.logger.warn(`Shopee ${profile.environment} authorization of shop ${shopId} failed: ${(error as Error).message}`)
      return { status: "error", reason: codeExchangeRefusal(error) }
    }
  }

  /** Records a state as used; false when it already was (here or on another instance). */
  private async spendState(payload: OAuthStatePayload): Promise<boolean> {
    try {
      await this.tables.createShopeeOAuthStateUses({
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
    await this.tables.deleteShopeeOAuthStateUses({ expires_at: { $lt: new Date() } }).catch(() => undefined)
    return true
  }

  /** The state's signing key, derived from the current encryption key. */
  private stateKey(): Buffer {
    return crypto.createHash("sha256").update("shopee-oauth-state-key:").update(requireKeyring(this.options).current.key).digest()
  }
}

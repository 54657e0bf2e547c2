import type { Context, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, InjectManager, InjectTransactionManager, MedusaContext } from "@medusajs/framework/utils"
import type { ShopeeShop, ShopeeTokens, TokenSource, ShopeeClient } from "@shopee-medusa/shopee-client"
import type { ListeningConnection } from "./config-cache/change-listener"
import { PushIntakeConfigCache, type PushIntakeConfig } from "./config-cache/push-intake-config"
import type { ShopeeEnvironment } from "./environments"
import { ExceptionQueue, type RaiseExceptionInput, type RecordFailureInput, type SettleInput } from "./exceptions/exception-queue"
import type { RawEventStatus } from "./models/shopee-raw-event"
import { ShopAuthorization, type CompleteAuthorizationInput } from "./oauth/shop-authorization"
import {
  enabledJobsFor,
  orderImportSettings,
  otherInstanceUrlOf,
  publicUrlOf,
  pushIntakeBounds,
  validatePluginOptions,
  type ShopeePluginOptions,
} from "./options"
import type { ShopeeJobName } from "./scheduled-jobs"
import { ActiveEnvironment } from "./profiles/active-environment"
import { ProfileRows } from "./profiles/profile-rows"
import { Profiles } from "./profiles/profiles"
import { PushRecorder, type RecordedPush, type RecordPushInput } from "./pushes/push-recorder"
import { trimPushRecords, type TrimmedPushRecords } from "./pushes/push-retention"
import { KeyRotation, type RotationOptions, type RotationReport } from "./secrets/key-rotation"
import { requireKeyring } from "./secrets/keyring"
import { credentialsOf } from "./shopee-api/credentials"
import { ShopeeClients, type WithLock } from "./shopee-api/shopee-clients"
import type { TokenState } from "./shopee-api/token-state"
import { TokenStore } from "./shopee-api/token-store"
import { shopeeUrls } from "./shopee-urls"
import { ShopeeTables } from "./tables"
import type { CreateProfileInput, PresentedProfile, ProfileCredentials, ProfileFieldsInput } from "./types"
import { applyCatalogueChanges, type CatalogueChanges } from "./catalogue/apply-catalogue-changes"
import { beginCatalogueRun, latestCatalogueRun, type CatalogueRun } from "./catalogue/catalogue-run"
import type { ReconcileRunTrigger } from "./models/shopee-reconcile-run"
import { beginReconcileRun, latestReconcileRun, reconcileRun, type ReconcileRun } from "./reconcile/reconcile-runs"
import { changeStockSettings, stockSettingOf, type StockSetting, type StockSettingsChange } from "./stock/stock-settings"

export type { RotationProgress, RotationReport } from "./secrets/key-rotation"
export type { WithLock } from "./shopee-api/shopee-clients"
export type { RecordedPush, RecordPushInput } from "./pushes/push-recorder"
export type { TrimmedPushRecords } from "./pushes/push-retention"
export type { TokenState } from "./shopee-api/token-state"
export type { RawEventRow } from "./tables"

/**
 * The module's entry points. Each starts the transaction its job needs and hands the work to
 * the job's folder: profiles/, secrets/, shopee-api/, oauth/, pushes/, exceptions/.
 */
class ShopeeModuleService extends ShopeeTables {
  protected readonly options_: ShopeePluginOptions
  protected readonly environment_: ActiveEnvironment
  protected readonly profileRows_: ProfileRows
  protected readonly profiles_: Profiles
  protected readonly clients_: ShopeeClients
  protected readonly tokens_: TokenStore
  protected readonly authorization_: ShopAuthorization
  protected readonly exceptions_: ExceptionQueue
  protected readonly pushes_: PushRecorder
  protected readonly rotation_: KeyRotation
  protected readonly intakeConfig_: PushIntakeConfigCache
  /** Medusa calls these on the module's instance; the listener's connection is closed at shutdown. */
  readonly __hooks = { onApplicationShutdown: async () => this.intakeConfig_.stop() }

  constructor(container: Record<string, unknown>, options: ShopeePluginOptions = {}) {
    // Medusa also passes the module declaration, which this constructor does not name: hand MedusaService every argument.
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    validatePluginOptions(options ?? {})
    this.options_ = options ?? {}
    const logger = container.logger as Logger
    const inTransaction = <T>(job: (sharedContext: Context) => Promise<T>) => this.inTransaction_(job)
    this.profileRows_ = new ProfileRows(this)
    this.environment_ = new ActiveEnvironment(this, this.profileRows_, this.options_)
    this.profiles_ = new Profiles(this, this.profileRows_, this.environment_, this.options_, logger)
    this.clients_ = new ShopeeClients(this.options_)
    this.tokens_ = new TokenStore(this, this.profileRows_, this.options_)
    this.authorization_ = new ShopAuthorization(this, this.profileRows_, this.clients_, this.options_, logger, (key, tokens) =>
      this.saveTokens(key, tokens)
    )
    const sql = (text: string, params: unknown[], sharedContext: Context = {}) => this.runSql_(text, params, sharedContext)
    this.exceptions_ = new ExceptionQueue(this, sql)
    this.pushes_ = new PushRecorder(this, this.exceptions_, this.options_, inTransaction, sql)
    this.rotation_ = new KeyRotation(sql, this.options_)
    this.intakeConfig_ = new PushIntakeConfigCache(
      () => this.getActiveEnvironment(),
      (environment) => this.getCredentials(environment),
      // A connection of its own from the module's knex, outside the pool: a LISTEN holds it for good.
      async () => {
        const knex = container[ContainerRegistrationKeys.PG_CONNECTION] as {
          client: { acquireRawConnection(): Promise<ListeningConnection> }
        }
        return knex.client.acquireRawConnection()
      },
      logger
    )
  }

  // ---- environments and profiles ---------------------------------------------------------

  /** Where imported orders go in Medusa (sales channel, shipping option), from the plugin options. */
  get orderImportSettings() {
    return orderImportSettings(this.options_)
  }

  /** Whether a scheduled job runs on this instance (plugin option `jobs`, default SHOPEE_JOBS). */
  isJobEnabled(name: ShopeeJobName): boolean {
    return enabledJobsFor(this.options_).has(name)
  }

  /** The bounds on what rejected pushes store, and for how long (plugin options). */
  get pushIntakeBounds() {
    return pushIntakeBounds(this.options_)
  }

  get pinnedEnvironment(): ShopeeEnvironment | undefined {
    return this.environment_.pinned
  }

  /** Where the instance serving the other environment is, for the admin's link (plugin options). */
  get otherInstanceUrl(): string | null {
    return otherInstanceUrlOf(this.options_)
  }

  /** The environment this instance serves: the pin when the plugin options set one. */
  async getActiveEnvironment(): Promise<ShopeeEnvironment> {
    return this.environment_.current()
  }

  @InjectTransactionManager()
  async switchActiveEnvironment(environment: ShopeeEnvironment, @MedusaContext() sharedContext: Context = {}) {
    return this.environment_.switchTo(environment, sharedContext)
  }

  @InjectManager()
  async listProfiles(
    environment: ShopeeEnvironment | undefined,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PresentedProfile[]> {
    return this.profiles_.list(environment, sharedContext)
  }

  @InjectManager()
  async getProfile(id: string, @MedusaContext() sharedContext: Context = {}): Promise<PresentedProfile> {
    return this.profiles_.present(await this.profileRows_.byId(id, sharedContext))
  }

  @InjectManager()
  async getActiveProfile(environment: ShopeeEnvironment, @MedusaContext() sharedContext: Context = {}): Promise<PresentedProfile> {
    return this.profiles_.present(await this.profileRows_.activeOf(environment, sharedContext))
  }

  @InjectTransactionManager()
  async createProfile(input: CreateProfileInput, @MedusaContext() sharedContext: Context = {}): Promise<PresentedProfile> {
    return this.profiles_.create(input, sharedContext)
  }

  @InjectTransactionManager()
  async updateProfile(id: string, input: ProfileFieldsInput, @MedusaContext() sharedContext: Context = {}): Promise<PresentedProfile> {
    return this.profiles_.update(id, input, sharedContext)
  }

  @InjectTransactionManager()
  async activateProfile(id: string, @MedusaContext() sharedContext: Context = {}): Promise<PresentedProfile> {
    return this.profiles_.activate(id, sharedContext)
  }

  @InjectTransactionManager()
  async deleteProfile(id: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.profiles_.delete(id, sharedContext)
    this.clients_.forget(id)
  }

  /** The URLs the operator registers at Shopee for an environment. */
  urlsFor(environment: ShopeeEnvironment) {
    return shopeeUrls(publicUrlOf(this.options_), environment)
  }

  // ---- the Shopee API and tokens ---------------------------------------------------------

  /** The active profile's decrypted credentials; refuses an incomplete profile, naming what is missing. */
  @InjectManager()
  async getCredentials(environment: ShopeeEnvironment, @MedusaContext() sharedContext: Context = {}): Promise<ProfileCredentials> {
    return credentialsOf(await this.profileRows_.activeOf(environment, sharedContext), () => requireKeyring(this.options_))
  }

  /** The client for an environment's active profile, rebuilt whenever the profile's row changed. */
  @InjectManager()
  async getClient(
    environment: ShopeeEnvironment,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ client: ShopeeClient; credentials: ProfileCredentials }> {
    const row = await this.profileRows_.activeOf(environment, sharedContext)
    const credentials = credentialsOf(row, () => requireKeyring(this.options_))
    return { client: this.clients_.clientOf(row), credentials }
  }

  /** The shop API of an environment's active profile; token refreshes are single-flight under `withLock`. */
  async getShopApi(
    environment: ShopeeEnvironment,
    withLock: WithLock
  ): Promise<{ shop: ShopeeShop; tokens: TokenSource; credentials: ProfileCredentials }> {
    const { client, credentials } = await this.getClient(environment)
    const persistence = {
      load: (key: string) => this.tokens_.load(key, {}),
      save: (key: string, tokens: ShopeeTokens) => this.saveTokens(key, tokens),
    }
    return { ...this.clients_.shopApi(client, credentials, persistence, withLock), credentials }
  }

  /** The token state the operator sees for an environment's active profile and shop. */
  @InjectManager()
  async getTokenState(environment: ShopeeEnvironment, @MedusaContext() sharedContext: Context = {}): Promise<TokenState> {
    return this.tokens_.stateOf(await this.profileRows_.activeOf(environment, sharedContext), sharedContext)
  }

  /** Tokens whose access token lapses within `withinMs`, for the refresh job. */
  @InjectManager()
  async listTokensExpiringWithin(withinMs: number, @MedusaContext() sharedContext: Context = {}) {
    return this.tokens_.expiringWithin(withinMs, sharedContext)
  }

  /** Tokens whose refresh token lapses within `withinMs`, for the refresh job's warning. */
  @InjectManager()
  async listTokensWithRefreshLapsingWithin(withinMs: number, @MedusaContext() sharedContext: Context = {}) {
    return this.tokens_.refreshLapsingWithin(withinMs, sharedContext)
  }

  @InjectTransactionManager()
  protected async saveTokens(key: string, tokens: ShopeeTokens, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.tokens_.save(key, tokens, sharedContext)
  }

  // ---- shop authorization (OAuth) --------------------------------------------------------

  /** Shopee's authorization link for the active profile, bound to the browser that asked. */
  @InjectManager()
  async createAuthorizationLink(
    environment: ShopeeEnvironment,
    requester: { actor_id: string | null } = { actor_id: null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ url: string; redirect: string; expires_at: Date; binding_secret: string }> {
    return this.authorization_.link(environment, requester, sharedContext)
  }

  /** Completes a shop authorization; answers an outcome (never throws) for the callback's redirect. */
  async completeAuthorization(input: CompleteAuthorizationInput) {
    return this.authorization_.complete(input)
  }

  // ---- pushes ----------------------------------------------------------------------------

  /** What the webhook checks a push against, from memory while no change was heard (config-cache/). */
  async pushIntakeConfig(environment: ShopeeEnvironment): Promise<PushIntakeConfig> {
    return this.intakeConfig_.get(environment)
  }

  /** Stores a push as received, before it is acknowledged (see pushes/push-recorder.ts). */
  async recordPush(input: RecordPushInput): Promise<RecordedPush> {
    return this.pushes_.record(input)
  }

  /** Deletes rejected and duplicate pushes, and counts of refused ones, older than the retention (pushes/push-retention.ts). */
  async trimPushRecords(now: Date = new Date()): Promise<TrimmedPushRecords> {
    return trimPushRecords((text, params) => this.runSql_(text, params, {}), pushIntakeBounds(this.options_).retention_days, now)
  }

  /** Where a push arrived, as Shopee signed it: the configured public URL plus the path. */
  publicUrlForPath(path: string): string {
    return this.pushes_.publicUrlForPath(path)
  }

  /** The other order status pushes of an order waiting for processing (see pushes/push-recorder.ts). */
  async waitingOrderPushes(environment: ShopeeEnvironment, orderSn: string, exceptId: string): Promise<string[]> {
    return this.pushes_.waitingOrderPushes(environment, orderSn, exceptId)
  }

  /** Marks pushes that a later fetch of their order answered as processed with it; answers how many. */
  async markAnsweredPushes(ids: string[], reason: string): Promise<number> {
    return this.pushes_.markAnswered(ids, reason)
  }

  /** Records the outcome of processing an event. */
  async markEvent(id: string, status: RawEventStatus, reason: string | null, error?: string): Promise<void> {
    await this.pushes_.mark(id, status, reason, error)
  }

  // ---- the exception queue ---------------------------------------------------------------

  /** Opens an exception for a person, unless the same one is already open. */
  async raiseException(input: RaiseExceptionInput): Promise<{ id: string; created: boolean }> {
    return this.exceptions_.raise(input)
  }

  /** Counts a failure retried on a schedule (attempts, backoff, left for a person after the last). */
  async recordExceptionFailure(input: RecordFailureInput): Promise<void> {
    await this.exceptions_.recordFailure(input)
  }

  /** Resolves a reference's unresolved exceptions of the given kinds once their cause is gone. */
  async settleExceptions(input: SettleInput): Promise<void> {
    await this.exceptions_.settle(input)
  }

  /** A person closes an exception (404 for an unknown id; a resolved one is left as it was). */
  async resolveException(id: string) {
    return this.exceptions_.resolve(id)
  }

  /** Counts a failed manual retry of an exception, adding the retry's outcome to its message. */
  async recordExceptionRetryFailure(id: string, outcome: string): Promise<void> {
    await this.exceptions_.recordRetryFailure(id, outcome)
  }

  // ---- key rotation ----------------------------------------------------------------------

  /** How many ciphertexts each key wrote; everything on the current key means a finished rotation. */
  @InjectManager()
  async encryptionStatus(@MedusaContext() sharedContext: Context = {}) {
    return this.rotation_.status(sharedContext)
  }

  /** Re-encrypts every secret written with an older key, a batch at a time (see secrets/key-rotation.ts). */
  async rotateEncryption(options: RotationOptions = {}): Promise<RotationReport> {
    return this.rotation_.rotate(options)
  }

  /**
   * One SQL statement (`?` placeholders) for what the generated data access cannot say: counts
   * that must add in one statement, upserts. In the caller's transaction when it has one.
   */
  @InjectManager()
  protected async runSql_(
    text: string,
    params: unknown[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, unknown>[]> {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as {
      execute(sql: string, params: unknown[]): Promise<Record<string, unknown>[]>
    }
    return manager.execute(text, params)
  }

  /** Runs a helper's several writes in one transaction, for steps that are not entry points themselves. */
  @InjectTransactionManager()
  protected async inTransaction_<T>(job: (sharedContext: Context) => Promise<T>, @MedusaContext() sharedContext: Context = {}): Promise<T> {
    return job(sharedContext)
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

  // ---- reconciliation runs (the logic lives in ./reconcile) --------------------------------

  /** Begins a reconciliation run of an environment's active profile; 409 while one of that environment is running. */
  async beginReconcileRun(environment: ShopeeEnvironment, trigger: ReconcileRunTrigger): Promise<ReconcileRun> {
    const profile = await this.getActiveProfile(environment)
    return beginReconcileRun(this as never, { environment, profile_id: profile.id, trigger })
  }

  /** The latest reconciliation run of an environment, with its progress; null before the first. */
  async latestReconcileRun(environment: ShopeeEnvironment): Promise<ReconcileRun | null> {
    return latestReconcileRun(this as never, environment)
  }

  /** One reconciliation run; 404 for an unknown id. */
  async getReconcileRun(id: string): Promise<ReconcileRun> {
    return reconcileRun(this as never, id)
  }

  // ---- stock writer settings (the logic lives in ./stock) -----------------------------------

  /** The stock writer settings of an environment's active profile: Off and no buffer on first use. */
  async getStockSetting(environment: ShopeeEnvironment): Promise<StockSetting> {
    return stockSettingOf(this, await this.getActiveProfile(environment))
  }

  /** A person arms, disarms or tunes an environment's stock writer; recorded with who and when. */
  async changeStockSettings(environment: ShopeeEnvironment, change: StockSettingsChange): Promise<StockSetting> {
    return changeStockSettings(this, await this.getActiveProfile(environment), change)
  }
}

export default ShopeeModuleService

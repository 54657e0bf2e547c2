import type { Logger } from "@medusajs/framework/types"
import type { ShopeeEnvironment } from "../environments"
import type { ProfileCredentials } from "../types"
import { ChangeListener, type OpenConnection } from "./change-listener"
import { NotifiedCache } from "./notified-cache"

/** What a push to an environment is checked against. */
export type PushIntakeConfig = {
  /** The environment this instance serves now. */
  active_environment: ShopeeEnvironment
  /** The environment's active profile; null when it is incomplete (its pushes are then kept unverified). */
  profile_id: string | null
  /** The key a push's signature is checked with: the push partner key, else the partner key. */
  push_key: string | null
}

/**
 * The webhook reads the active environment and the active profile's key for every push: kept
 * in memory, emptied by every change to their tables (the triggers of migration
 * Migration20261207090000 notify, a listener with its own connection hears it), read through
 * whenever that listener is not confirmed. A change made anywhere, by direct SQL too, is seen
 * by the next push: each read first waits until the listener has heard every change committed
 * before it (ChangeListener.caughtUp, one round trip shared by the pushes that arrive together).
 */
export class PushIntakeConfigCache {
  private readonly cache = new NotifiedCache<PushIntakeConfig>()
  private readonly listener: ChangeListener

  constructor(
    private readonly readActiveEnvironment: () => Promise<ShopeeEnvironment>,
    private readonly readCredentials: (environment: ShopeeEnvironment) => Promise<ProfileCredentials>,
    openConnection: OpenConnection,
    logger: Pick<Logger, "warn">
  ) {
    this.listener = new ChangeListener(
      openConnection,
      (listening) => this.cache.setListening(listening),
      () => this.cache.invalidate(),
      logger
    )
  }

  async get(environment: ShopeeEnvironment): Promise<PushIntakeConfig> {
    // Started by the first push, so that commands that never receive one (migrations, `medusa exec`) hold no connection.
    this.listener.start()
    // Never judged by a value older than a change committed before this push arrived.
    await this.listener.caughtUp().catch(() => undefined)
    return this.cache.get(environment, () => this.read(environment))
  }

  async stop(): Promise<void> {
    await this.listener.stop()
  }

  private async read(environment: ShopeeEnvironment): Promise<PushIntakeConfig> {
    const active_environment = await this.readActiveEnvironment()
    try {
      const credentials = await this.readCredentials(environment)
      return {
        active_environment,
        profile_id: credentials.profile_id,
        // Shopee's guide names the partner key; its console now issues a separate push key.
        push_key: credentials.push_partner_key ?? credentials.partner_key,
      }
    } catch {
      // An incomplete profile cannot verify anything: its pushes are kept as unverified.
      return { active_environment, profile_id: null, push_key: null }
    }
  }
}

import type { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { ShopeeEnvironment } from "../environments"
import { ACTIVE_ENVIRONMENT_ROW_ID } from "../models/shopee-active-environment"
import type { ShopeePluginOptions } from "../options"
import type { ShopeeTableAccess } from "../tables"
import { missingFieldsMessage, missingProfileFields } from "./profile-completeness"
import type { ProfileRows } from "./profile-rows"

type EnvironmentTable = Pick<ShopeeTableAccess, "retrieveShopeeActiveEnvironment" | "updateShopeeActiveEnvironments">

/** The environment this instance serves: the pin of the plugin options, else the singleton row. */
export class ActiveEnvironment {
  constructor(
    private readonly table: EnvironmentTable,
    private readonly profiles: ProfileRows,
    private readonly options: ShopeePluginOptions
  ) {}

  get pinned(): ShopeeEnvironment | undefined {
    return this.options.pinned_environment
  }

  async current(sharedContext: Context = {}): Promise<ShopeeEnvironment> {
    if (this.pinned) return this.pinned
    const row = await this.table.retrieveShopeeActiveEnvironment(ACTIVE_ENVIRONMENT_ROW_ID, {}, sharedContext)
    return row.environment
  }

  async serves(environment: ShopeeEnvironment, sharedContext: Context): Promise<boolean> {
    return (await this.current(sharedContext)) === environment
  }

  /** The target's active profile must be complete; a switch to the current environment changes nothing. */
  async switchTo(
    environment: ShopeeEnvironment,
    sharedContext: Context
  ): Promise<{ active_environment: ShopeeEnvironment; changed: boolean }> {
    if (this.pinned) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `This instance is pinned to ${this.pinned} by the plugin option pinned_environment; it cannot switch environments.`
      )
    }
    if (await this.serves(environment, sharedContext)) {
      return { active_environment: environment, changed: false }
    }
    const missing = missingProfileFields(await this.profiles.activeOf(environment, sharedContext))
    if (missing.length > 0) {
      throw new MedusaError(MedusaError.Types.CONFLICT, missingFieldsMessage(missing))
    }
    await this.table.updateShopeeActiveEnvironments({ id: ACTIVE_ENVIRONMENT_ROW_ID, environment }, sharedContext)
    return { active_environment: environment, changed: true }
  }
}

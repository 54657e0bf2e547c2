import type { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { ShopeeEnvironment } from "../environments"
import type { ProfileRow, ShopeeTableAccess } from "../tables"

/** Reading profile rows: by id, the active one of an environment, and the name rule. */
export class ProfileRows {
  constructor(private readonly table: Pick<ShopeeTableAccess, "listShopeeProfiles">) {}

  async byId(id: string, sharedContext: Context): Promise<ProfileRow> {
    const [row] = await this.table.listShopeeProfiles({ id }, {}, sharedContext)
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Shopee profile ${id} was not found`)
    }
    return row
  }

  async activeOf(environment: ShopeeEnvironment, sharedContext: Context): Promise<ProfileRow> {
    const [row] = await this.table.listShopeeProfiles({ environment, is_active: true }, {}, sharedContext)
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `There is no active ${environment} profile`)
    }
    return row
  }

  /** Names are unique per environment; `exceptId` is the profile being renamed. */
  async assertNameFree(environment: ShopeeEnvironment, name: string, exceptId: string | undefined, sharedContext: Context): Promise<void> {
    const clash = await this.table.listShopeeProfiles({ environment, name }, { select: ["id"] }, sharedContext)
    if (clash.some((profile) => profile.id !== exceptId)) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `A ${environment} profile named "${name}" already exists`)
    }
  }
}

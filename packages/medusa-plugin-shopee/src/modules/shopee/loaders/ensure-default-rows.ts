import type { IMedusaInternalService, LoaderOptions } from "@medusajs/framework/types"
import { generateEntityId } from "@medusajs/framework/utils"
import { SHOPEE_ENVIRONMENTS } from "../environments"
import { ACTIVE_ENVIRONMENT_ROW_ID, ShopeeActiveEnvironment } from "../models/shopee-active-environment"
import { ShopeeProfile } from "../models/shopee-profile"
import { isMissingTable, isUniqueViolation } from "../database-errors"

/**
 * A fresh database must answer every read of either environment from the first boot: the
 * active-environment singleton (sandbox) and, for an environment without any profile, an empty
 * active profile. An empty profile can be read and filled in, but not used or switched to.
 * Before the module's migrations have run (the loader also runs during `medusa db:migrate`)
 * the tables do not exist yet: that is not an error.
 */
export default async function ensureDefaultRows({ container }: LoaderOptions): Promise<void> {
  const activeEnvironments: IMedusaInternalService<typeof ShopeeActiveEnvironment> = container.resolve("shopeeActiveEnvironmentService")
  const profiles: IMedusaInternalService<typeof ShopeeProfile> = container.resolve("shopeeProfileService")
  try {
    const [, count] = await activeEnvironments.listAndCount({ id: ACTIVE_ENVIRONMENT_ROW_ID })
    if (count === 0) {
      await activeEnvironments.create({ id: ACTIVE_ENVIRONMENT_ROW_ID, environment: "sandbox" })
    }
    for (const environment of SHOPEE_ENVIRONMENTS) {
      const [, existing] = await profiles.listAndCount({ environment })
      if (existing === 0) {
        await profiles.create({
          id: generateEntityId(undefined, "shprof"),
          environment,
          name: "Default",
          region: environment === "sandbox" ? "TEST_GLOBAL" : "GLOBAL",
          is_active: true,
        })
      }
    }
  } catch (error) {
    if (isMissingTable(error) || isUniqueViolation(error)) {
      // No tables before the first migration; or another instance booting at the same moment
      // created the rows first.
      return
    }
    throw error
  }
}

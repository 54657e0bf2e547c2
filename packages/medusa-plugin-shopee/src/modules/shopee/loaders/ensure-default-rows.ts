import type { IMedusaInternalService, LoaderOptions } from "@medusajs/framework/types"
import {
  ACTIVE_ENVIRONMENT_ROW_ID,
  ShopeeActiveEnvironment,
} from "../models/shopee-active-environment"

/**
 * A fresh database must answer every read from the first boot, so the rows every read
 * relies on are created here. Before the module's migrations have run (the loader also runs
 * during `medusa db:migrate`) the tables do not exist yet: that is not an error.
 */
export default async function ensureDefaultRows({ container }: LoaderOptions): Promise<void> {
  const activeEnvironments: IMedusaInternalService<typeof ShopeeActiveEnvironment> =
    container.resolve("shopeeActiveEnvironmentService")
  try {
    const [, count] = await activeEnvironments.listAndCount({ id: ACTIVE_ENVIRONMENT_ROW_ID })
    if (count === 0) {
      await activeEnvironments.create({ id: ACTIVE_ENVIRONMENT_ROW_ID, environment: "sandbox" })
    }
  } catch (error) {
    if (isMissingTable(error)) {
      return
    }
    // Another instance booting at the same moment created the singleton first.
    if (isUniqueViolation(error)) {
      return
    }
    throw error
  }
}

function isMissingTable(error: unknown): boolean {
  return /relation "[^"]+" does not exist/.test(String((error as Error)?.message ?? error))
}

function isUniqueViolation(error: unknown): boolean {
  const message = String((error as Error)?.message ?? error)
  return /already exists|duplicate key/i.test(message)
}

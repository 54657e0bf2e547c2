import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ShopeeJobName } from "../modules/shopee/scheduled-jobs"
import { resolveShopee } from "./shopee-module"

export type SwitchableJob = ((container: MedusaContainer) => Promise<void>) & { jobName: ShopeeJobName }

/** Jobs found switched off since they last ran, so each says so once rather than at every tick. */
const announcedOff = new Set<ShopeeJobName>()

/**
 * A scheduled job that does its work only while the plugin option `jobs` (SHOPEE_JOBS) enables
 * it, so that tests driving the work by hand, or an instance that must not run it, are not raced.
 */
export function switchableJob(name: ShopeeJobName, work: (container: MedusaContainer) => Promise<void>): SwitchableJob {
  const job = async (container: MedusaContainer): Promise<void> => {
    if (!resolveShopee(container).isJobEnabled(name)) {
      if (!announcedOff.has(name)) {
        announcedOff.add(name)
        container
          .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
          .info(`Shopee job ${name} is switched off on this instance (plugin option jobs / SHOPEE_JOBS): its ticks do nothing`)
      }
      return
    }
    announcedOff.delete(name)
    await work(container)
  }
  return Object.assign(job, { jobName: name })
}

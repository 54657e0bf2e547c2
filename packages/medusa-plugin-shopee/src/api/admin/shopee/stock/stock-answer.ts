import type { ShopeeEnvironment } from "../../../../modules/shopee/environments"
import type ShopeeModuleService from "../../../../modules/shopee/service"
import { latestPlan, listStockRuns } from "../../../../modules/shopee/stock/stock-runs"
import { stockModeChanges, stockSettingOf, type StockSetting } from "../../../../modules/shopee/stock/stock-settings"

/** The settings as the admin shows them: the mode with who set it and when, and the breaker apart. */
export function presentSetting(setting: StockSetting) {
  return {
    mode: setting.mode,
    buffer: setting.buffer,
    max_writes_per_run: setting.max_writes_per_run,
    mode_changed_by: setting.mode_changed_by,
    mode_changed_at: setting.mode_changed_at,
    breaker: {
      disarmed: setting.disarmed,
      consecutive_system_failures: setting.consecutive_system_failures,
      reason: setting.disarmed_reason,
      disarmed_at: setting.disarmed_at,
    },
  }
}

/** The stock page's read for one environment's active profile. */
export async function stockAnswer(shopee: ShopeeModuleService, environment: ShopeeEnvironment) {
  const profile = await shopee.getActiveProfile(environment)
  const setting = await stockSettingOf(shopee, profile)
  return {
    environment,
    active_environment: await shopee.getActiveEnvironment(),
    profile: { id: profile.id, name: profile.name, complete: profile.complete },
    setting: presentSetting(setting),
    changes: await stockModeChanges(shopee, profile.id),
    latest_plan: await latestPlan(shopee, profile.id),
    recent_runs: (await listStockRuns(shopee, profile.id, { limit: 10, offset: 0 })).runs,
  }
}

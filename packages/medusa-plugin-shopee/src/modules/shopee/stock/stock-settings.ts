import { MedusaError } from "@medusajs/framework/utils"
import { ARMED, type BreakerState } from "../../../lib/stock/stock-circuit-breaker"
import type { StockMode } from "../../../lib/stock/stock-plan"
import type { ShopeeEnvironment } from "../environments"
import { isUniqueViolation } from "../database-errors"
import type ShopeeModuleService from "../service"

export type StockSetting = {
  id: string
  environment: ShopeeEnvironment
  profile_id: string
  mode: StockMode
  buffer: number
  max_writes_per_run: number
  mode_changed_by: string | null
  mode_changed_at: Date | null
  consecutive_system_failures: number
  disarmed: boolean
  disarmed_reason: string | null
  disarmed_at: Date | null
}

export type StockSettingsChange = {
  mode?: StockMode
  buffer?: number
  max_writes_per_run?: number
  /** The admin user who asked; recorded with the change. */
  actor_id: string | null
}

/** A profile's stock writer settings; the defaults (Off, no buffer) on first use. */
export async function stockSettingOf(
  shopee: ShopeeModuleService,
  profile: { id: string; environment: ShopeeEnvironment }
): Promise<StockSetting> {
  const [row] = (await shopee.listShopeeStockSettings({ profile_id: profile.id })) as StockSetting[]
  if (row) return row
  try {
    return (await shopee.createShopeeStockSettings({ environment: profile.environment, profile_id: profile.id })) as StockSetting
  } catch (error) {
    // Another instance created it first.
    if (!isUniqueViolation(error)) throw error
    return ((await shopee.listShopeeStockSettings({ profile_id: profile.id })) as StockSetting[])[0]
  }
}

/**
 * A person's change of mode, buffer or cap, recorded with who and when. Setting a mode is also
 * how a person re-arms a writer the circuit breaker disarmed (the breaker starts again from
 * zero) or lets through a sell-out that the sudden-zeros rule refused.
 */
export async function changeStockSettings(
  shopee: ShopeeModuleService,
  profile: { id: string; environment: ShopeeEnvironment },
  change: StockSettingsChange
): Promise<StockSetting> {
  if (change.mode === undefined && change.buffer === undefined && change.max_writes_per_run === undefined) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Send at least one of mode, buffer, max_writes_per_run")
  }
  const current = await stockSettingOf(shopee, profile)
  const next = {
    mode: change.mode ?? current.mode,
    buffer: change.buffer ?? current.buffer,
    max_writes_per_run: change.max_writes_per_run ?? current.max_writes_per_run,
  }
  const rearm = change.mode !== undefined ? breakerColumns(ARMED) : {}
  const updated = (await shopee.updateShopeeStockSettings({
    id: current.id,
    ...next,
    ...rearm,
    mode_changed_by: change.actor_id,
    mode_changed_at: new Date(),
  })) as StockSetting
  if (change.mode !== undefined) {
    // A person setting the mode has looked at the shop: a plan refused for sudden zeros is judged
    // afresh against the next read instead of the figures from before.
    await shopee.updateShopeeStockModelStates({
      selector: { profile_id: profile.id },
      data: { last_medusa_available: null, last_shopee_stock: null },
    })
  }
  await shopee.createShopeeStockModeChanges({
    environment: profile.environment,
    profile_id: profile.id,
    from_mode: current.mode,
    to_mode: next.mode,
    buffer: next.buffer,
    max_writes_per_run: next.max_writes_per_run,
    actor_id: change.actor_id,
  })
  return updated
}

export function breakerOf(setting: StockSetting): BreakerState {
  return { consecutive_system_failures: setting.consecutive_system_failures, disarmed: setting.disarmed, reason: setting.disarmed_reason }
}

export async function saveBreaker(shopee: ShopeeModuleService, setting: StockSetting, state: BreakerState): Promise<void> {
  const changedToDisarmed = state.disarmed && !setting.disarmed
  await shopee.updateShopeeStockSettings({
    id: setting.id,
    ...breakerColumns(state),
    ...(changedToDisarmed ? { disarmed_at: new Date() } : {}),
  })
}

function breakerColumns(state: BreakerState) {
  return {
    consecutive_system_failures: state.consecutive_system_failures,
    disarmed: state.disarmed,
    disarmed_reason: state.reason,
    ...(state.disarmed ? {} : { disarmed_at: null }),
  }
}

/** The latest changes of a profile's settings, newest first. */
export async function stockModeChanges(shopee: ShopeeModuleService, profileId: string, take = 10) {
  return shopee.listShopeeStockModeChanges({ profile_id: profileId }, { order: { created_at: "DESC" }, take })
}

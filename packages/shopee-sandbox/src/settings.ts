/** Sandbox-wide knobs for Shopee behaviour whose thresholds Shopee does not publish. */
export interface SandboxSettings {
  /**
   * get_item_list refuses an offset at or beyond this ("get items offset over limit"); Shopee's
   * cap is undocumented, so tests lower it to reach the refusal with a few items.
   */
  item_list_offset_limit: number
  /** When true, every update_stock answer with a non-empty failure_list also carries Shopee's top-level error. */
  update_stock_error_beside_failures: boolean
}

export const DEFAULT_ITEM_LIST_OFFSET_LIMIT = 10_000

export function defaultSettings(overrides: Partial<SandboxSettings> = {}): SandboxSettings {
  return { item_list_offset_limit: DEFAULT_ITEM_LIST_OFFSET_LIMIT, update_stock_error_beside_failures: false, ...overrides }
}

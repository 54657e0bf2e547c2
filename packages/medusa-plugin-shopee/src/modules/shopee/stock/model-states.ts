import type { WriteAnchor } from "../../../lib/stock/absolute-write-guard"
import type { LastWriteFailure } from "../../../lib/stock/stock-plan"
import type { ShopeeEnvironment } from "../environments"
import type ShopeeModuleService from "../service"

export type ModelStateRow = {
  id: string
  item_id: string
  model_id: string
  anchor_shopee_stock: number | null
  anchor_pending: number | null
  anchor_imported_total: number | null
  last_medusa_available: number | null
  last_shopee_stock: number | null
  last_failure_stock: number | null
  last_failure_reason: string | null
  last_failure_retry_can_help: boolean | null
  promotion_locked: boolean
}

export type ModelStateChange = Partial<Omit<ModelStateRow, "id" | "item_id" | "model_id">>

export const modelKey = (itemId: string | number, modelId: string | number) => `${itemId}:${modelId}`

/** The writer's state of a profile's models, by `item:model`. */
export async function loadModelStates(
  shopee: ShopeeModuleService,
  profileId: string,
  itemIds: string[]
): Promise<Map<string, ModelStateRow>> {
  if (itemIds.length === 0) return new Map()
  const rows = (await shopee.listShopeeStockModelStates({ profile_id: profileId, item_id: [...new Set(itemIds)] })) as ModelStateRow[]
  return new Map(rows.map((row) => [modelKey(row.item_id, row.model_id), row]))
}

export function anchorOf(state: ModelStateRow | undefined): WriteAnchor | null {
  if (!state || state.anchor_shopee_stock === null || state.anchor_pending === null || state.anchor_imported_total === null) return null
  return { shopee_stock: state.anchor_shopee_stock, pending: state.anchor_pending, imported_total: state.anchor_imported_total }
}

export function anchorColumns(anchor: WriteAnchor): ModelStateChange {
  return { anchor_shopee_stock: anchor.shopee_stock, anchor_pending: anchor.pending, anchor_imported_total: anchor.imported_total }
}

export function lastFailureOf(state: ModelStateRow | undefined): LastWriteFailure | null {
  if (!state || state.last_failure_stock === null || state.last_failure_reason === null) return null
  return { stock: state.last_failure_stock, reason: state.last_failure_reason, retry_can_help: state.last_failure_retry_can_help ?? true }
}

/** Writes changes per model, creating the rows of models seen for the first time. */
export async function saveModelStates(
  shopee: ShopeeModuleService,
  scope: { environment: ShopeeEnvironment; profile_id: string },
  changes: Map<string, { item_id: string; model_id: string; change: ModelStateChange }>
): Promise<void> {
  if (changes.size === 0) return
  const existing = await loadModelStates(
    shopee,
    scope.profile_id,
    [...changes.values()].map((entry) => entry.item_id)
  )
  const updates: Record<string, unknown>[] = []
  const creates: Record<string, unknown>[] = []
  for (const [key, entry] of changes) {
    const row = existing.get(key)
    if (row) updates.push({ id: row.id, ...entry.change })
    else creates.push({ ...scope, item_id: entry.item_id, model_id: entry.model_id, ...entry.change })
  }
  if (updates.length) await shopee.updateShopeeStockModelStates(updates)
  if (creates.length) await shopee.createShopeeStockModelStates(creates)
}

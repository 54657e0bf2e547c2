import type { MedusaContainer } from "@medusajs/framework/types"
import { readStockPush, type StockPushEffect } from "../stock/stock-push"
import { resolveShopee } from "../shopee-module"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"
import { modelKey, saveModelStates, type ModelStateChange } from "../../modules/shopee/stock/model-states"
import { markMappedVariantsDirty } from "./mark-stock-dirty"

export type StockPushEvent = { id: string; environment: ShopeeEnvironment; code: number | null; shop_id: string | null; raw_body: string }
/** `marked`: the variants left for the fast path, which the caller wakes. */
export type StockPushOutcome = { status: "processed" | "ignored"; reason: string; marked: number }

type MapRow = { id: string; profile_id: string; item_id: string; model_id: string; variant_id: string | null }

/**
 * Acts on a stored Shopee push of code 7, 8, 9 or 16 (see lib/stock/stock-push.ts): updates the
 * product map rows of the item in the push's environment (the promotion reserve, a ban), clears a
 * promotion lock once the promotion is over, and marks the variants dirty so the fast path
 * re-plans them from a fresh read. The caller records the outcome on the event.
 */
export async function handleStockPush(container: MedusaContainer, event: StockPushEvent): Promise<StockPushOutcome> {
  const reading = readStockPush(event.code ?? -1, event.raw_body)
  if (!reading.ok) return { status: "ignored", reason: reading.reason, marked: 0 }
  const { effect } = reading
  const shopee = resolveShopee(container)
  const rows = (await shopee.listShopeeProductMaps(
    { environment: event.environment, item_id: effect.item_id },
    { select: ["id", "profile_id", "item_id", "model_id", "variant_id"] }
  )) as MapRow[]
  const concerned =
    effect.model_id === null || !rows.some((row) => row.model_id === effect.model_id)
      ? rows
      : rows.filter((row) => row.model_id === effect.model_id)
  if (concerned.length === 0) return { status: "ignored", reason: `${effect.summary}: the item is not in the product map`, marked: 0 }

  const mapChange = {
    ...(effect.reserved_stock !== null ? { reserved_stock: effect.reserved_stock } : {}),
    ...(effect.item_status !== null ? { item_status: effect.item_status } : {}),
  }
  if (Object.keys(mapChange).length) await shopee.updateShopeeProductMaps(concerned.map((row) => ({ id: row.id, ...mapChange })))
  if (effect.promotion_active === false) await unlockPromotion(container, event.environment, concerned)
  const marked = await markMappedVariantsDirty(
    container,
    concerned.flatMap((row) => (row.variant_id ? [row.variant_id] : [])),
    `push ${event.code}`
  )
  return { status: "processed", reason: `${effect.summary}: ${describe(effect)}; ${marked} variant(s) to re-plan`, marked }
}

async function unlockPromotion(container: MedusaContainer, environment: ShopeeEnvironment, rows: MapRow[]) {
  const byProfile = new Map<string, Map<string, { item_id: string; model_id: string; change: ModelStateChange }>>()
  for (const row of rows) {
    const changes = byProfile.get(row.profile_id) ?? new Map()
    changes.set(modelKey(row.item_id, row.model_id), { item_id: row.item_id, model_id: row.model_id, change: { promotion_locked: false } })
    byProfile.set(row.profile_id, changes)
  }
  for (const [profile_id, changes] of byProfile) await saveModelStates(resolveShopee(container), { environment, profile_id }, changes)
}

function describe(effect: StockPushEffect): string {
  return (
    [
      effect.reserved_stock !== null ? `promotion reserve ${effect.reserved_stock}` : null,
      effect.item_status !== null ? `item status ${effect.item_status}` : null,
      effect.promotion_active === false ? "promotion over" : null,
    ]
      .filter(Boolean)
      .join(", ") || "nothing to store"
  )
}

import type { PlanRow } from "./stock-plan"

/**
 * The plan of a restore: put back, on the models a run wrote, the values Shopee showed before
 * it. Only models the run actually changed are restored; one Shopee no longer lists is
 * skipped; a prior value under today's promotion reserve is raised to it, since Shopee refuses
 * less. The mode does not apply: a person chose these values, the plan shows them first.
 */

export type RestoreSourceRow = {
  item_id: string
  model_id: string
  variant_id: string
  shopee_before: number | null
  result: "written" | "failed" | "not_sent" | null
}

export type ShopeeNow = { seller_stock: number; promotion_reserved: number }

export function planRestore(rows: RestoreSourceRow[], now: (row: RestoreSourceRow) => ShopeeNow | undefined): PlanRow[] {
  return rows
    .filter((row) => row.result === "written" && row.shopee_before !== null)
    .map((row) => {
      const read = now(row)
      const base = { item_id: Number(row.item_id), model_id: Number(row.model_id), variant_id: row.variant_id }
      if (!read)
        return {
          ...base,
          shopee_now: null,
          target: row.shopee_before,
          action: "skip" as const,
          reason: "not found on Shopee: nothing to restore",
        }
      const target = Math.max(row.shopee_before!, read.promotion_reserved)
      const raised = target > row.shopee_before! ? ` (raised from ${row.shopee_before} to the promotion reserve)` : ""
      if (target === read.seller_stock) {
        return { ...base, shopee_now: read.seller_stock, target, action: "none" as const, reason: `already at the prior value ${target}` }
      }
      return {
        ...base,
        shopee_now: read.seller_stock,
        target,
        action: "write" as const,
        reason: `restore ${read.seller_stock} to ${target}${raised}`,
      }
    })
}

import type ShopeeModuleService from "../service"

export type StoredDirtyMark = { id: string; variant_id: string; marked_at: number }

/** The most marks one flush looks at; the rest wait for the next flush, oldest first. */
const MARKS_READ_PER_FLUSH = 5_000

export async function markVariantsDirty(shopee: ShopeeModuleService, variantIds: string[], source: string): Promise<number> {
  const unique = [...new Set(variantIds)]
  if (unique.length === 0) return 0
  await shopee.createShopeeStockDirtyMarks(unique.map((variant_id) => ({ variant_id, source })))
  return unique.length
}

export async function listDirtyMarks(shopee: ShopeeModuleService): Promise<StoredDirtyMark[]> {
  const rows = (await shopee.listShopeeStockDirtyMarks(
    {},
    { select: ["id", "variant_id", "created_at"], order: { created_at: "ASC" }, take: MARKS_READ_PER_FLUSH }
  )) as { id: string; variant_id: string; created_at: Date }[]
  return rows.map((row) => ({ id: row.id, variant_id: row.variant_id, marked_at: new Date(row.created_at).getTime() }))
}

/** Deletes exactly these marks: one left by an event during the run stays for the next. */
export async function deleteDirtyMarks(shopee: ShopeeModuleService, marks: { id: string }[]): Promise<void> {
  if (marks.length > 0) await shopee.deleteShopeeStockDirtyMarks(marks.map((mark) => mark.id))
}

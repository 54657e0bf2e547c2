import type { GetItemListRequest, GetItemListResponse, ItemListEntry, ItemStatus } from "@shopee-medusa/shopee-client"

export const ITEM_LIST_PAGE_SIZE = 100

export type ItemListPage = (request: GetItemListRequest) => Promise<GetItemListResponse>

/**
 * Shopee refuses a deep offset ("get items offset over limit, please use the next field"; the cap
 * is undocumented). Only that refusal is narrowed around; any other failure is the caller's.
 */
export function isOffsetRefusal(error: unknown, offset: number): boolean {
  return offset > 0 && error instanceof Error && /offset/i.test(error.message)
}

export type UpdateWindow = { from: number; to: number }

/**
 * Every item of `statuses` updated in the window (all items when `window` is omitted),
 * each once, page by page. When Shopee refuses a deep offset, the update_time window being read
 * is split in two halves and each half is read from offset 0: a narrower window has fewer items,
 * so the offsets stay shallow. Items already yielded are not yielded again.
 */
export async function* walkItemList(
  page: ItemListPage,
  options: { statuses: ItemStatus[]; window?: UpdateWindow; now: number; onTotal?: (total: number) => void }
): AsyncGenerator<ItemListEntry[]> {
  const seen = new Set<number>()
  // An unbounded listing that has to narrow starts from the whole of Shopee's time.
  const pending: (UpdateWindow | undefined)[] = [options.window]
  let reportedTotal = false
  while (pending.length > 0) {
    const window = pending.shift()
    let offset = 0
    for (;;) {
      let answer: GetItemListResponse
      try {
        answer = await page({
          offset,
          page_size: ITEM_LIST_PAGE_SIZE,
          item_status: options.statuses,
          ...(window ? { update_time_from: window.from, update_time_to: window.to } : {}),
        })
      } catch (error) {
        if (!isOffsetRefusal(error, offset)) throw error
        const bounds = window ?? { from: 0, to: options.now }
        if (bounds.to <= bounds.from) throw error
        const middle = Math.floor((bounds.from + bounds.to) / 2)
        pending.unshift({ from: bounds.from, to: middle }, { from: middle + 1, to: bounds.to })
        break
      }
      if (!reportedTotal) {
        options.onTotal?.(answer.total_count)
        reportedTotal = true
      }
      const fresh = answer.item.filter((entry) => !seen.has(entry.item_id))
      for (const entry of fresh) seen.add(entry.item_id)
      if (fresh.length > 0) yield fresh
      if (!answer.has_next_page || answer.item.length === 0) break
      offset = answer.next_offset
    }
  }
}

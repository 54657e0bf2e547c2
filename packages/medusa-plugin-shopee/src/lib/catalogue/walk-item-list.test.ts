import type { GetItemListRequest, GetItemListResponse } from "@shopee-medusa/shopee-client"
import { walkItemList, type ItemListPage } from "./walk-item-list"

/** A shop whose items have these update times, refusing offsets past `maxOffset` as Shopee does. */
function fakeShop(updateTimes: number[], maxOffset = Infinity) {
  const calls: GetItemListRequest[] = []
  const page: ItemListPage = async (request) => {
    calls.push(request)
    const offset = request.offset ?? 0
    if (offset > maxOffset) throw new Error("get items offset over limit, please use the next field")
    const matching = updateTimes
      .map((update_time, index) => ({ item_id: index + 1, item_status: "NORMAL" as const, update_time }))
      .filter(
        (item) =>
          (request.update_time_from === undefined || item.update_time >= request.update_time_from) &&
          (request.update_time_to === undefined || item.update_time <= request.update_time_to)
      )
    const size = request.page_size ?? 100
    const slice = matching.slice(offset, offset + size)
    const more = offset + size < matching.length
    return {
      item: slice,
      total_count: matching.length,
      has_next_page: more,
      next_offset: more ? offset + size : 0,
    } satisfies GetItemListResponse
  }
  return { page, calls }
}

async function collect(walk: AsyncGenerator<{ item_id: number }[]>): Promise<number[]> {
  const ids: number[] = []
  for await (const entries of walk) ids.push(...entries.map((entry) => entry.item_id))
  return ids
}

describe("walkItemList", () => {
  it("reads every page of the given statuses until has_next_page is false", async () => {
    const shop = fakeShop(Array.from({ length: 250 }, (_, i) => 1000 + i))
    let total = 0
    const ids = await collect(walkItemList(shop.page, { statuses: ["NORMAL", "UNLIST"], now: 5000, onTotal: (count) => (total = count) }))
    expect(ids).toHaveLength(250)
    expect(total).toBe(250)
    expect(shop.calls.map((call) => call.offset)).toEqual([0, 100, 200])
    expect(shop.calls[0].item_status).toEqual(["NORMAL", "UNLIST"])
  })

  it("narrows the update_time window when Shopee refuses a deep offset, and yields each item once", async () => {
    const shop = fakeShop(
      Array.from({ length: 450 }, (_, i) => 1000 + i),
      200
    )
    const ids = await collect(walkItemList(shop.page, { statuses: ["NORMAL", "UNLIST"], window: { from: 1000, to: 1449 }, now: 5000 }))
    expect(new Set(ids).size).toBe(450)
    expect(ids).toHaveLength(450)
    expect(shop.calls.some((call) => call.update_time_to! < 1449)).toBe(true)
    expect(shop.calls.every((call) => (call.offset ?? 0) <= 300)).toBe(true)
  })

  it("narrows an unbounded listing into windows up to now", async () => {
    const shop = fakeShop(
      Array.from({ length: 350 }, (_, i) => 1000 + i),
      200
    )
    const ids = await collect(walkItemList(shop.page, { statuses: ["NORMAL", "UNLIST"], now: 2000 }))
    expect(new Set(ids).size).toBe(350)
    expect(shop.calls.find((call) => call.update_time_from !== undefined)).toMatchObject({ update_time_from: 0 })
  })

  it("passes on any other failure", async () => {
    const page: ItemListPage = async () => {
      throw new Error("error_auth")
    }
    await expect(collect(walkItemList(page, { statuses: ["NORMAL"], now: 1 }))).rejects.toThrow("error_auth")
  })
})

import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { ItemBaseInfo, ShopeeShop } from "@shopee-medusa/shopee-client"
import { ITEM_BASE_INFO_BATCH_SIZE } from "@shopee-medusa/shopee-client"
import { importScope, isRetiredStatus } from "../../lib/catalogue/import-scope"
import { listingsOfItem, type Listing } from "../../lib/catalogue/listings-of-item"
import { planItemRows, rowsOfItemsNotSeen, type StoredListingRow } from "../../lib/catalogue/plan-item-rows"
import { walkItemList } from "../../lib/catalogue/walk-item-list"
import { resolveShopee } from "../../lib/shopee-module"
import { lockFor } from "../../lib/with-lock"
import { catalogueCursor, recordCatalogueRun, type CatalogueRun } from "../../modules/shopee/catalogue/catalogue-run"
import { failingIntoRun } from "./catalogue-step-failure"

/** get_model_list takes one item per call: this many calls at once. */
const MODEL_LIST_CONCURRENCY = 4

export type ReadCatalogueResult = {
  run: CatalogueRun
  /** Where the next incremental import starts: the time this read began. */
  read_until: number
  items_read: number
  listings_read: number
  created: number
  retired: number
}

/**
 * Reads the shop's items (statuses NORMAL and UNLIST) into the product map: all of them for a
 * full import, those updated since the last import otherwise; 50 at a time through
 * get_item_base_info and get_model_list. The rows of items Shopee no longer sells are retired: a
 * full import retires every item it did not see, an incremental one the items it listed as
 * banned, under review or deleted. Matching to variants is the next step's.
 */
export const readShopeeCatalogueStep = createStep(
  "read-shopee-catalogue",
  async (input: { run: CatalogueRun }, { container }): Promise<StepResponse<ReadCatalogueResult>> => {
    const shopee = resolveShopee(container)
    const result = await failingIntoRun(shopee, input.run, () =>
      lockFor(container)(`shopee-catalogue:${input.run.profile_id}`, () => readCatalogue(container, input.run))
    )
    return new StepResponse(result)
  }
)

async function readCatalogue(container: MedusaContainer, started: CatalogueRun): Promise<ReadCatalogueResult> {
  const shopee = resolveShopee(container)
  const { shop, credentials } = await shopee.getShopApi(started.environment, lockFor(container))
  if (credentials.profile_id !== started.profile_id) {
    throw new Error(`The active ${started.environment} profile changed since this import began; start it again`)
  }
  const now = Math.floor(Date.now() / 1000)
  const cursor = await catalogueCursor(shopee, started.profile_id)
  const scope = importScope(started.requested_mode, cursor?.catalogue_updated_until ?? null, now)
  let run = await recordCatalogueRun(shopee, started, { mode: scope.mode, window: scope.window ?? null, phase: "listing" })

  const itemIds: number[] = []
  const retiredItemIds: string[] = []
  let listed = 0
  for await (const entries of walkItemList((request) => shop.products.getItemList(request), {
    statuses: scope.statuses,
    window: scope.window,
    now,
    onTotal: (total) => (run = { ...run, total }),
  })) {
    for (const entry of entries) {
      if (isRetiredStatus(entry.item_status)) retiredItemIds.push(String(entry.item_id))
      else itemIds.push(entry.item_id)
    }
    listed += entries.length
    run = await recordCatalogueRun(shopee, run, { done: listed, total: Math.max(run.total, listed) })
  }

  const result: ReadCatalogueResult = { run, read_until: now, items_read: 0, listings_read: 0, created: 0, retired: 0 }
  if (retiredItemIds.length) {
    const stored = (await shopee.listShopeeProductMaps({ profile_id: run.profile_id, item_id: retiredItemIds }, { select: ["id"] })) as {
      id: string
    }[]
    if (stored.length)
      await shopee.applyCatalogueChanges({ environment: run.environment, profile_id: run.profile_id, retire: stored.map((row) => row.id) })
    result.retired += stored.length
  }
  run = await recordCatalogueRun(shopee, run, { phase: "reading", done: 0, total: itemIds.length })
  const seen = new Set<string>()
  for (let start = 0; start < itemIds.length; start += ITEM_BASE_INFO_BATCH_SIZE) {
    const batch = itemIds.slice(start, start + ITEM_BASE_INFO_BATCH_SIZE)
    const { item_list } = await shop.products.getItemBaseInfo({ item_id_list: batch })
    const listings = await listingsOfItems(shop, item_list)
    for (const item of item_list) seen.add(String(item.item_id))
    const stored = (await shopee.listShopeeProductMaps(
      { profile_id: run.profile_id, item_id: item_list.map((item) => String(item.item_id)) },
      { select: ["id", "item_id", "model_id"] }
    )) as StoredListingRow[]
    const plan = planItemRows(stored, listings)
    await shopee.applyCatalogueChanges({
      environment: run.environment,
      profile_id: run.profile_id,
      create: plan.create,
      refresh: plan.update,
      retire: plan.retire,
    })
    result.items_read += item_list.length
    result.listings_read += listings.length
    result.created += plan.create.length
    result.retired += plan.retire.length
    run = await recordCatalogueRun(shopee, run, { done: Math.min(start + batch.length, itemIds.length) })
  }

  if (scope.mode === "full") {
    const stored = (await shopee.listShopeeProductMaps(
      { profile_id: run.profile_id },
      { select: ["id", "item_id", "model_id"] }
    )) as StoredListingRow[]
    const gone = rowsOfItemsNotSeen(stored, seen)
    if (gone.length) await shopee.applyCatalogueChanges({ environment: run.environment, profile_id: run.profile_id, retire: gone })
    result.retired += gone.length
  }
  return { ...result, run }
}

/** Each item's listings, with its models read for the items that have them. */
async function listingsOfItems(shop: ShopeeShop, items: ItemBaseInfo[]): Promise<Listing[]> {
  const listings: Listing[] = []
  for (let start = 0; start < items.length; start += MODEL_LIST_CONCURRENCY) {
    const slice = items.slice(start, start + MODEL_LIST_CONCURRENCY)
    const read = await Promise.all(
      slice.map(async (item) => listingsOfItem(item, item.has_model ? await shop.products.getModelList({ item_id: item.item_id }) : null))
    )
    listings.push(...read.flat())
  }
  return listings
}

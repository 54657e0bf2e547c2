import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { importShopeeCatalogueCli } from "../../src/scripts/shopee-catalogue"
import { SANDBOX_SHOP_ID } from "../helpers/sandbox"
import { control, resetAndConnect, SANDBOX_ITEMS, sandboxItemId, startOrderSandbox, type Sandbox } from "../helpers/connected-shop"
import { waitFor } from "../helpers/wait-for"

jest.setTimeout(300 * 1000)

type MapRow = {
  id: string
  item_id: string
  model_id: string
  sku: string | null
  variant_id: string | null
  match_state: string
  match_source: string | null
  match_reason: string | null
  deleted_at: Date | null
}

/** 998 items with their own SKUs (every tenth with two models) and two items sharing one SKU. */
function catalogueItems() {
  const items: {
    item_name: string
    item_sku: string
    stock: number
    models?: { model_sku: string; model_name: string; stock: number }[]
  }[] = []
  for (let i = 0; i < 998; i++) {
    const models = i % 10 === 0 ? ["A", "B"].map((tier) => ({ model_sku: `CAT-${i}-${tier}`, model_name: tier, stock: 2 })) : undefined
    items.push({ item_name: `Card ${i}`, item_sku: `CAT-${i}`, stock: 1, ...(models ? { models } : {}) })
  }
  items.push({ item_name: "Twin A", item_sku: "CAT-DUP", stock: 1 }, { item_name: "Twin B", item_sku: "CAT-DUP", stock: 1 })
  return items
}

/** The SKUs Shopee will list, and those Medusa gets a variant for (every seventh left out). */
function listingSkus(items: ReturnType<typeof catalogueItems>) {
  return items.flatMap((item) => (item.models ? item.models.map((model) => model.model_sku) : [item.item_sku]))
}
const inMedusa = (sku: string) => sku === "CAT-DUP" || Number(sku.split("-")[1]) % 7 !== 3

medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: "34".repeat(32) },
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox
    /** How far the simulator's clock is from the real time (see `createItems`). */
    let clockSkewMs = 0
    let options: Awaited<ReturnType<typeof resetAndConnect>>
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const liveRows = async (): Promise<MapRow[]> => sql()("shopee_product_map").whereNull("deleted_at")
    const variantId = async (sku: string) => {
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "product_variant", fields: ["id"], filters: { sku } })
      return data[0]!.id as string
    }
    const runCli = async (args: string[]) => {
      const lines: string[] = []
      const { importShopeeCatalogueWorkflow } = require("medusa-plugin-shopee/workflows")
      const { progressLine } = require("medusa-plugin-shopee/lib/catalogue/catalogue-progress")
      const { beginCatalogueImport } = require("medusa-plugin-shopee/lib/begin-catalogue-import")
      const ok = await importShopeeCatalogueCli(getContainer(), args, (line) => lines.push(line), {
        begin: beginCatalogueImport,
        workflow: importShopeeCatalogueWorkflow,
        progressLine,
      })
      return { ok, lines }
    }
    /** Variants for SKUs, in products of 100 variants (the product module directly: matching reads only SKUs). */
    const createVariants = async (container: MedusaContainer, skus: string[]) => {
      const products = []
      for (let start = 0; start < skus.length; start += 100) {
        const slice = skus.slice(start, start + 100)
        products.push({
          title: `Catalogue ${start}`,
          options: [{ title: "Card", values: slice }],
          variants: slice.map((sku) => ({ title: sku, sku, options: { Card: sku } })),
        })
      }
      await container.resolve(Modules.PRODUCT).createProducts(products)
    }
    /**
     * Items made through the simulator's control API as they were `hoursAgo` back: the
     * simulator's clock is set back while it makes them (the store signs no request meanwhile),
     * so their update_time is that old and an incremental import after them does not read them.
     */
    const createItems = async (items: ReturnType<typeof catalogueItems>, hoursAgo = 1) => {
      clockSkewMs = -hoursAgo * 3600 * 1000
      try {
        return (
          await control<{ items: { item_id: number; item_sku: string }[] }>(sandbox, "POST", "/_control/items/bulk", {
            shop_id: SANDBOX_SHOP_ID,
            items,
          })
        ).items
      } finally {
        clockSkewMs = 0
      }
    }
    const listingRequests = () =>
      control<{ query: Record<string, string>; status: number; error: string | null }[]>(
        sandbox,
        "GET",
        "/_control/requests?path=/api/v2/product/get_item_list"
      )

    beforeAll(async () => {
      sandbox = await startOrderSandbox(undefined, () => Date.now() + clockSkewMs)
    })
    afterAll(async () => {
      await sandbox.close()
    })
    beforeEach(async () => {
      options = await resetAndConnect(api, getContainer(), sandbox)
    })

    it("imports 1,000 items from the CLI, matches them by SKU, reports conflicts, re-maps a restructured item and reads only changed items after", async () => {
      const items = catalogueItems()
      const skus = listingSkus(items)
      await createVariants(getContainer(), [...new Set(skus.filter(inMedusa))])
      await createItems(items)

      const full = await runCli(["env=sandbox", "mode=full"])
      expect(full.ok).toBe(true)
      expect(full.lines.some((line) => /^reading: \d+\/1003 items \(\d+%\)$/.test(line))).toBe(true)
      // 1,000 items made here and the 3 the simulator starts with; 1,100 + 3 listings.
      expect(full.lines.at(-1)).toMatch(
        /^done \(full\): 1003 items read, 1103 listings; \d+ matched, \d+ unmatched, 2 conflicts; 0 retired$/
      )

      const rows = await liveRows()
      expect(rows).toHaveLength(1103)
      const bySku = new Map(rows.map((row) => [row.sku, row]))
      const expectedMatched = skus.filter((sku) => sku !== "CAT-DUP" && inMedusa(sku)).length + 2
      expect(rows.filter((row) => row.match_state === "matched")).toHaveLength(expectedMatched)
      expect(bySku.get("CAT-30-B")).toMatchObject({ match_state: "matched", match_source: "sku", variant_id: await variantId("CAT-30-B") })
      expect(bySku.get("CAT-3")).toMatchObject({
        match_state: "unmatched",
        variant_id: null,
        match_reason: 'No Medusa variant has SKU "CAT-3"',
      })
      const twins = rows.filter((row) => row.sku === "CAT-DUP")
      expect(twins.map((row) => [row.match_state, row.variant_id, row.match_reason])).toEqual([
        ["conflict", null, '2 Shopee listings have SKU "CAT-DUP"'],
        ["conflict", null, '2 Shopee listings have SKU "CAT-DUP"'],
      ])
      expect(bySku.get("NOT-IN-MEDUSA")).toMatchObject({ match_state: "unmatched" })

      // A person maps an unmatched listing; the re-imports below keep it.
      const manualVariant = await variantId("PKM-PROMO-ILLUS")
      const mapped = await api.post(`/admin/shopee/products/${bySku.get("CAT-3")!.id}/map`, { variant_id: manualVariant }, options)
      expect(mapped.status).toBe(200)
      expect(mapped.data.product).toMatchObject({ variant_id: manualVariant, match_source: "manual", variant: { sku: "PKM-PROMO-ILLUS" } })

      // Shopee restructures item CAT-20 (new model ids for the same SKUs) and sells from three others.
      const restructuredId = await sandboxItemId(sandbox, "CAT-20")
      const oldModels = rows.filter((row) => row.item_id === String(restructuredId))
      expect(oldModels.map((row) => row.match_state)).toEqual(["matched", "matched"])
      const { item: restructured } = await control<{ item: { models: { model_id: number }[] } }>(
        sandbox,
        "POST",
        `/_control/items/${restructuredId}/restructure`,
        {}
      )
      const changed = await Promise.all(["CAT-1", "CAT-2", "CAT-4"].map((sku) => sandboxItemId(sandbox, sku)))
      for (const id of changed) await control(sandbox, "POST", `/_control/items/${id}/stock`, { stock: 9 })
      await control(sandbox, "DELETE", "/_control/requests")

      const incremental = await runCli(["env=sandbox"])
      expect(incremental.ok).toBe(true)
      // The three items the simulator starts with were made at its reset, within the overlap: read again.
      expect(incremental.lines.at(-1)).toMatch(/^done \(incremental\): 7 items read, 8 listings; .* 2 retired$/)
      const read = await control<{ query: Record<string, string> }[]>(
        sandbox,
        "GET",
        "/_control/requests?path=/api/v2/product/get_item_base_info"
      )
      const seedIds = await Promise.all(SANDBOX_ITEMS.map((item) => sandboxItemId(sandbox, item.item_sku)))
      expect(read.flatMap((entry) => entry.query.item_id_list.split(",")).sort()).toEqual(
        [restructuredId, ...changed, ...seedIds].map(String).sort()
      )

      const after = await liveRows()
      const newModels = after.filter((row) => row.item_id === String(restructuredId))
      expect(newModels.map((row) => row.model_id).sort()).toEqual(restructured.models.map((model) => String(model.model_id)).sort())
      expect(newModels.map((row) => [row.sku, row.variant_id])).toEqual(
        expect.arrayContaining([
          ["CAT-20-A", await variantId("CAT-20-A")],
          ["CAT-20-B", await variantId("CAT-20-B")],
        ])
      )
      // No variant is left on a model Shopee no longer has: the old rows are retired.
      const retired = await sql()("shopee_product_map").whereIn(
        "id",
        oldModels.map((row) => row.id)
      )
      expect(retired.every((row: MapRow) => row.deleted_at !== null)).toBe(true)
      expect(after.find((row) => row.sku === "CAT-1")).toMatchObject({ match_state: "matched" })
      expect((await sql()("shopee_product_map").where({ sku: "CAT-1" }).whereNull("deleted_at"))[0].shopee_stock).toBe(9)
      expect(after.find((row) => row.sku === "CAT-3")).toMatchObject({ variant_id: manualVariant, match_source: "manual" })

      // A full re-import keeps the person's mapping too.
      expect((await runCli(["env=sandbox", "mode=full"])).ok).toBe(true)
      expect((await liveRows()).find((row) => row.sku === "CAT-3")).toMatchObject({ variant_id: manualVariant, match_source: "manual" })
    })

    it("reads every item when Shopee refuses a deep offset, by narrowing the update_time window", async () => {
      // Five batches of 30 items, an hour apart: a window can be narrowed between batches.
      for (let hour = 5; hour >= 1; hour--) {
        await createItems(
          Array.from({ length: 30 }, (_, i) => ({ item_name: `Deep ${hour}-${i}`, item_sku: `DEEP-${hour}-${i}`, stock: 1 })),
          hour
        )
      }
      await control(sandbox, "PATCH", "/_control/settings", { item_list_offset_limit: 50 })
      await control(sandbox, "DELETE", "/_control/requests")

      const full = await runCli(["env=sandbox", "mode=full"])
      expect(full.ok).toBe(true)
      expect(full.lines.at(-1)).toMatch(/^done \(full\): 153 items read, 153 listings; /)
      expect(new Set((await liveRows()).map((row) => row.item_id)).size).toBe(153)
      const listings = await listingRequests()
      // The first page's offset 100 was refused, and the rest was read in narrower windows from offset 0.
      expect(listings.find((request) => request.status !== 200)).toMatchObject({ query: { offset: "100" }, error: "error_param" })
      const narrowed = listings.filter((request) => request.status === 200 && request.query.update_time_from !== undefined)
      expect(narrowed.length).toBeGreaterThan(1)
      expect(narrowed.every((request) => Number(request.query.offset) < 50)).toBe(true)
    })

    it("retires the listings of items Shopee banned or deleted since the last import, in an incremental import", async () => {
      expect((await runCli(["env=sandbox", "mode=full"])).ok).toBe(true)
      const before = await liveRows()
      const boosterVariant = await variantId("PKM-SV1-BB")
      expect(before.find((row) => row.sku === "PKM-SV1-BB")).toMatchObject({ variant_id: boosterVariant, match_state: "matched" })

      await control(sandbox, "POST", `/_control/items/${await sandboxItemId(sandbox, "PKM-SV1-BB")}/status`, { item_status: "BANNED" })
      await control(sandbox, "POST", `/_control/items/${await sandboxItemId(sandbox, "NOT-IN-MEDUSA")}/status`, {
        item_status: "SELLER_DELETE",
      })
      const incremental = await runCli(["env=sandbox"])
      expect(incremental.ok).toBe(true)
      expect(incremental.lines.at(-1)).toMatch(/^done \(incremental\): 1 items read, 1 listings; .* 2 retired$/)

      expect((await liveRows()).map((row) => row.sku)).toEqual(["PKM-BS-004-PSA8"])
      // The banned item's variant is free again: it shows among the variants not on Shopee.
      const unlisted = await api.get("/admin/shopee/products/unlisted?env=sandbox", options)
      expect(unlisted.data.variants.map((variant: { sku: string }) => variant.sku)).toContain("PKM-SV1-BB")
      const { data } = await api.get(`/admin/shopee/products/by-variant?variant_id=${boosterVariant}`, options)
      expect(data.listings).toEqual([])
    })

    it("lists, filters and pages listings, maps and unmaps by hand, shows unlisted variants and a variant's listings, and names bad input", async () => {
      expect((await runCli(["env=sandbox", "mode=full"])).ok).toBe(true)

      const all = await api.get("/admin/shopee/products?env=sandbox&limit=2", options)
      expect(all.status).toBe(200)
      expect(all.data).toMatchObject({ count: 3, limit: 2, offset: 0 })
      expect(all.data.products).toHaveLength(2)
      const matched = await api.get("/admin/shopee/products?env=sandbox&match_state=matched", options)
      expect(matched.data.products.map((row: { sku: string }) => row.sku).sort()).toEqual(["PKM-BS-004-PSA8", "PKM-SV1-BB"])
      expect(matched.data.products[0]).toMatchObject({ variant: { sku: expect.any(String), product_title: expect.any(String) } })
      // The stock figures the writer would plan from: the demo store's stock at the Shopee channel's location.
      const figures = matched.data.products.map((row: { sku: string; medusa_available: number; planned_stock: number }) => [
        row.sku,
        row.medusa_available,
        row.planned_stock,
      ])
      expect(figures.sort()).toEqual([
        ["PKM-BS-004-PSA8", 1, 1],
        ["PKM-SV1-BB", 12, 12],
      ])
      const unmatched = await api.get("/admin/shopee/products?env=sandbox&match_state=unmatched,conflict", options)
      expect(unmatched.data.products.map((row: { sku: string; match_reason: string }) => [row.sku, row.match_reason])).toEqual([
        ["NOT-IN-MEDUSA", 'No Medusa variant has SKU "NOT-IN-MEDUSA"'],
      ])
      const searched = await api.get("/admin/shopee/products?env=sandbox&q=mystery", options)
      expect(searched.data.products.map((row: { sku: string }) => row.sku)).toEqual(["NOT-IN-MEDUSA"])

      // The demo store's Shopee channel sells five variants; two are listed on Shopee.
      const unlisted = await api.get("/admin/shopee/products/unlisted?env=sandbox", options)
      expect(unlisted.status).toBe(200)
      expect(unlisted.data.variants.map((variant: { sku: string }) => variant.sku)).toEqual([
        "MTG-2U-LOTUS-BGS7",
        "MTG-2U-LOTUS-BGS85",
        "PKM-PROMO-ILLUS",
      ])

      const listing = unmatched.data.products[0]
      const promo = unlisted.data.variants.find((variant: { sku: string }) => variant.sku === "PKM-PROMO-ILLUS")
      expect((await api.post(`/admin/shopee/products/${listing.id}/map`, { variant_id: promo.id }, options)).status).toBe(200)
      const widget = await api.get(`/admin/shopee/products/by-variant?variant_id=${promo.id}`, options)
      expect(widget.data.listings).toEqual([
        expect.objectContaining({ environment: "sandbox", sku: "NOT-IN-MEDUSA", shopee_stock: 5, match_source: "manual" }),
      ])
      expect((await api.get("/admin/shopee/products/unlisted?env=sandbox", options)).data.count).toBe(2)

      // A variant the SKU matcher gave to another listing moves to the person's choice; one a person gave cannot.
      const psa8 = matched.data.products.find((row: { sku: string }) => row.sku === "PKM-BS-004-PSA8")
      const taken = await api.post(`/admin/shopee/products/${psa8.id}/map`, { variant_id: promo.id }, options)
      expect(taken.status).toBe(409)
      expect(taken.data.message).toMatch(/already mapped by hand to Shopee item \d+ model 0; unmap it there first/)
      const unmapped = await api.post(`/admin/shopee/products/${listing.id}/unmap`, {}, options)
      expect(unmapped.data.product).toMatchObject({
        variant_id: null,
        match_state: "unmatched",
        match_source: "manual",
        match_reason: "Unmapped by hand",
      })

      const bad = async (request: Promise<{ status: number; data: { message: string } }>, status: number, message: RegExp) => {
        const answer = await request
        expect([answer.status, answer.data.message]).toEqual([status, expect.stringMatching(message)])
      }
      await bad(api.get("/admin/shopee/products", options), 400, /env/)
      await bad(
        api.get("/admin/shopee/products?env=sandbox&match_state=maybe", options),
        400,
        /match_state must be one or more of: matched, unmatched, conflict/
      )
      await bad(api.get("/admin/shopee/products?env=sandbox&limit=500", options), 400, /limit/)
      await bad(api.post(`/admin/shopee/products/${listing.id}/map`, {}, options), 400, /variant_id/)
      await bad(
        api.post(`/admin/shopee/products/${listing.id}/map`, { variant_id: "variant_nope" }, options),
        400,
        /variant_id: no variant variant_nope exists/
      )
      await bad(
        api.post("/admin/shopee/products/shmap_nope/map", { variant_id: promo.id }, options),
        404,
        /Shopee listing shmap_nope was not found/
      )
      await bad(
        api.post("/admin/shopee/products/import?env=sandbox", { mode: "everything" }, options),
        400,
        /full, incremental.*mode|mode.*full, incremental/
      )
      await bad(api.get("/admin/shopee/products/by-variant", options), 400, /variant_id/)
    })

    it("re-imports from the admin with a run to poll, and of imports started at once begins exactly one", async () => {
      const finished = () =>
        waitFor(async () => {
          const { data } = await api.get("/admin/shopee/products/import?env=sandbox", options)
          return data.run.status !== "running" ? data.run : undefined
        }, 60_000)
      /** Four starts sent together, as a double click and a second tab would; the answers sorted by status. */
      const startAtOnce = async (mode: string) => {
        const answers = await Promise.all(
          Array.from({ length: 4 }, () => api.post("/admin/shopee/products/import?env=sandbox", { mode }, options))
        )
        return answers.sort((a, b) => a.status - b.status)
      }

      // The profile's first import (no cursor row yet), then one over the first one's row.
      for (const mode of ["full", "incremental"]) {
        const [started, ...others] = await startAtOnce(mode)
        expect([started.status, ...others.map((answer) => answer.status)]).toEqual([202, 409, 409, 409])
        expect(started.data.run).toMatchObject({ status: "running", requested_mode: mode, environment: "sandbox" })
        for (const refused of others)
          expect(refused.data.message).toContain(`A catalogue import (${started.data.run.id}) is already running`)
        expect(await finished()).toMatchObject({
          id: started.data.run.id,
          status: "succeeded",
          phase: "done",
          summary: { items_read: 3, matched: 2, unmatched: 1, conflict: 0 },
        })
      }
    })

    it("imports a held unknown-SKU order on retry once its listing is mapped on the products page", async () => {
      const order = await control<{ order_sn: string }>(sandbox, "POST", "/_control/orders", {
        shop_id: SANDBOX_SHOP_ID,
        items: [{ item_id: await sandboxItemId(sandbox, "NOT-IN-MEDUSA"), quantity: 1 }],
        status: "READY_TO_SHIP",
      })
      const held = await waitFor(async () => {
        const [row] = await sql()("shopee_order_sync").where({ order_sn: order.order_sn, state: "held" })
        return row
      }, 30_000)
      expect(held.order_id).toBeNull()
      // The hold and its exception are written one after the other.
      const exception = await waitFor(
        async () => (await sql()("connector_exception").where({ kind: "unknown_sku", payload_ref: order.order_sn }))[0],
        30_000
      )

      expect((await runCli(["env=sandbox"])).ok).toBe(true)
      const { data } = await api.get("/admin/shopee/products?env=sandbox&match_state=unmatched&q=NOT-IN-MEDUSA", options)
      const promo = await variantId("PKM-PROMO-ILLUS")
      expect((await api.post(`/admin/shopee/products/${data.products[0].id}/map`, { variant_id: promo }, options)).status).toBe(200)

      const retried = await api.post(`/admin/shopee/exceptions/${exception.id}/retry`, {}, options)
      expect(retried.status).toBe(200)
      expect(retried.data.outcome).toMatchObject({ status: "done" })
      expect(retried.data.exception).toMatchObject({ status: "resolved" })
      const [synced] = await sql()("shopee_order_sync").where({ order_sn: order.order_sn })
      expect(synced).toMatchObject({ state: "imported" })
      const {
        data: [medusaOrder],
      } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({
          entity: "order",
          fields: ["id", "items.variant_id"],
          filters: { id: synced.order_id },
        })
      expect(medusaOrder.items!.map((item: { variant_id?: string | null } | null) => item!.variant_id)).toEqual([promo])
    })
  },
})

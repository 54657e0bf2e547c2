import {
  holdForUnmatchedLines,
  planOrderActions,
  planOrderImport,
  planOrderSetup,
  planOrderSync,
  planOrderUpdate,
  type FoundSetup,
  type LastSync,
} from "./plan-order-sync"
import type { OrderDetail } from "@shopee-medusa/shopee-client"

const detail: OrderDetail = {
  order_sn: "251126ABCDEF01",
  region: "SG",
  currency: "SGD",
  cod: false,
  order_status: "READY_TO_SHIP",
  create_time: 1764090000,
  update_time: 1764100000,
  days_to_ship: 3,
  ship_by_date: 1764359200,
  buyer_user_id: 88123,
  buyer_username: "card_fan",
  total_amount: 1259.5,
  recipient_address: {
    name: "T****n",
    phone: "******89",
    town: "",
    district: "Bukit ****",
    city: "Singapore",
    state: "",
    region: "SG",
    zipcode: "5****1",
    full_address: "1** O***** Road, Singapore",
  },
  item_list: [
    {
      item_id: 1,
      item_name: "Charizard Holo",
      item_sku: "PKM-BS-004",
      model_id: 11,
      model_name: "PSA 8",
      model_sku: "PKM-BS-004-PSA8",
      model_quantity_purchased: 1,
      model_original_price: 1300,
      model_discounted_price: 1250,
      order_item_id: 1,
    },
    {
      item_id: 2,
      item_name: "Sleeve",
      item_sku: "SLV-1",
      model_id: 0,
      model_name: "",
      model_sku: "",
      model_quantity_purchased: 2,
      model_original_price: 2,
      model_discounted_price: 0,
      order_item_id: 2,
    },
  ],
}

describe("planOrderImport", () => {
  it("prices lines as the buyer paid them, the discounted price unless a bundle deal reports 0", () => {
    const plan = planOrderImport(detail)
    expect(plan.lines.map((line) => [line.sku, line.quantity, line.unit_price])).toEqual([
      ["PKM-BS-004-PSA8", 1, 1250],
      ["SLV-1", 2, 2],
    ])
    expect(plan.lines[0].title).toEqual("Charizard Holo — PSA 8")
  })

  it("puts the rest of Shopee's total on the shipping line", () => {
    expect(planOrderImport(detail).shipping_amount).toEqual(5.5)
  })

  it("keeps masked address fields as Shopee sends them", () => {
    expect(planOrderImport(detail).address).toMatchObject({
      first_name: "T****n",
      postal_code: "5****1",
      address_1: "1** O***** Road, Singapore",
      address_2: "Bukit ****",
      country_code: "sg",
    })
  })

  it("gives each buyer one stable placeholder e-mail and lower-cases the currency", () => {
    const plan = planOrderImport(detail)
    expect(plan.email).toEqual("buyer-88123@shopee.invalid")
    expect(plan.currency_code).toEqual("sgd")
  })
})

const fresh = { paid: false, shipped: false, completed: false, cancelled: false }

describe("planOrderActions", () => {
  it("marks an order paid once Shopee has the buyer's money", () => {
    expect(planOrderActions(fresh, "UNPAID")).toEqual([])
    expect(planOrderActions(fresh, "READY_TO_SHIP")).toEqual(["mark_paid"])
    expect(planOrderActions({ ...fresh, paid: true }, "PROCESSED")).toEqual([])
  })

  it("catches up every step an order skipped", () => {
    expect(planOrderActions(fresh, "SHIPPED")).toEqual(["mark_paid", "ship"])
    expect(planOrderActions(fresh, "COMPLETED")).toEqual(["mark_paid", "ship", "complete"])
    expect(planOrderActions({ ...fresh, paid: true, shipped: true }, "COMPLETED")).toEqual(["complete"])
  })

  it("never goes backwards, and does nothing after the end", () => {
    expect(planOrderActions({ ...fresh, paid: true, shipped: true }, "READY_TO_SHIP")).toEqual([])
    expect(planOrderActions({ ...fresh, completed: true, paid: true, shipped: true }, "CANCELLED")).toEqual([])
    expect(planOrderActions({ ...fresh, cancelled: true }, "READY_TO_SHIP")).toEqual([])
  })

  it("cancels on CANCELLED and waits on IN_CANCEL and TO_RETURN", () => {
    expect(planOrderActions({ ...fresh, paid: true }, "CANCELLED")).toEqual(["cancel"])
    expect(planOrderActions({ ...fresh, paid: true }, "IN_CANCEL")).toEqual([])
    expect(planOrderActions({ ...fresh, paid: true, shipped: true }, "TO_RETURN")).toEqual([])
  })
})

describe("planOrderSync", () => {
  const imported: LastSync = {
    order_id: "order_1",
    state: "imported",
    shopee_update_time: detail.update_time,
    shopee_status: "READY_TO_SHIP",
    tracking_number: null,
  }
  const claimed: LastSync = { order_id: null, state: "claimed", shopee_update_time: null, shopee_status: null, tracking_number: null }

  it("ignores a detail older than the one applied", () => {
    expect(planOrderSync({ ...imported, shopee_update_time: detail.update_time + 1 }, detail)).toEqual({ step: "stale" })
  })

  it("creates an order never imported, unless Shopee cancelled it first", () => {
    expect(planOrderSync(claimed, detail)).toEqual({ step: "create", tracking_number: null })
    expect(planOrderSync(claimed, { ...detail, order_status: "CANCELLED" })).toMatchObject({
      step: "skip",
      reason: "Cancelled on Shopee before it was imported",
    })
  })

  it("finds nothing new only in the same second, the same status and without a pushed tracking number", () => {
    expect(planOrderSync(imported, detail)).toEqual({ step: "unchanged" })
    expect(planOrderSync(imported, { ...detail, order_status: "PROCESSED" })).toMatchObject({ step: "update" })
    expect(planOrderSync(imported, { ...detail, update_time: detail.update_time + 1 })).toMatchObject({ step: "update" })
    expect(planOrderSync({ ...imported, state: "held" }, detail)).toMatchObject({ step: "update" })
    expect(planOrderSync(imported, detail, "SPX1")).toEqual({ step: "update", tracking_number: "SPX1" })
  })

  it("takes the pushed tracking number first, then the remembered one", () => {
    expect(planOrderSync({ ...claimed, tracking_number: "REMEMBERED" }, detail, "FROM-PUSH")).toMatchObject({
      tracking_number: "FROM-PUSH",
    })
    expect(planOrderSync({ ...claimed, tracking_number: "REMEMBERED" }, detail)).toMatchObject({ tracking_number: "REMEMBERED" })
    expect(planOrderSync(claimed, detail)).toMatchObject({ tracking_number: null })
  })
})

describe("planOrderUpdate", () => {
  it("holds a cancellation of an order Medusa has already shipped, for a person to handle the return", () => {
    expect(planOrderUpdate("order_1", { ...fresh, paid: true, shipped: true }, "CANCELLED")).toEqual({
      hold: {
        kind: "cannot_cancel_shipped",
        message: "Shopee cancelled order order_1, but Medusa has already shipped it; a person must handle the return.",
      },
    })
    expect(planOrderUpdate("order_1", { ...fresh, paid: true }, "CANCELLED")).toEqual({ actions: ["cancel"] })
    expect(planOrderUpdate("order_1", fresh, "SHIPPED")).toEqual({ actions: ["mark_paid", "ship"] })
  })
})

describe("holdForUnmatchedLines", () => {
  const plan = planOrderImport(detail)

  it("holds an order with a line no variant matches, naming each such line", () => {
    expect(holdForUnmatchedLines(detail.order_sn, 1, [plan.lines[1]])).toEqual({
      kind: "unknown_sku",
      message:
        "Shopee order 251126ABCDEF01 is held: no Medusa variant matches SKU SLV-1 (item 2, model 0). Map the item or give the variant that SKU, then retry.",
    })
  })

  it("holds an order without lines, and lets an order whose lines all matched through", () => {
    expect(holdForUnmatchedLines(detail.order_sn, 0, [])?.message).toContain("matches any line")
    expect(holdForUnmatchedLines(detail.order_sn, 2, [])).toBeNull()
  })
})

describe("planOrderSetup", () => {
  const found: FoundSetup = {
    currency_code: "sgd",
    region_id: "reg_1",
    sales_channel: { name: "Shopee", id: "sc_1", location_id: "sloc_1" },
    shipping_option: { wanted: "Shopee shipping", found: { id: "so_1", name: "Shopee shipping" } },
  }

  it("places the order in the region, channel, location and shipping option found", () => {
    expect(planOrderSetup(found)).toEqual({
      setup: {
        region_id: "reg_1",
        sales_channel_id: "sc_1",
        location_id: "sloc_1",
        shipping_option_id: "so_1",
        shipping_option_name: "Shopee shipping",
      },
    })
  })

  it("holds the order when the currency has no region, naming the currency", () => {
    expect(planOrderSetup({ ...found, region_id: null })).toMatchObject({
      hold: { kind: "currency_unmatched", message: expect.stringContaining("No Medusa region sells in SGD") },
    })
  })

  it("holds the order when the sales channel, its stock location or the shipping option is missing", () => {
    expect(planOrderSetup({ ...found, sales_channel: { name: "Shopee", id: null, location_id: null } })).toMatchObject({
      hold: { kind: "setup_missing", message: 'The sales channel "Shopee" does not exist; imported Shopee orders need it.' },
    })
    expect(planOrderSetup({ ...found, sales_channel: { name: "Shopee", id: "sc_1", location_id: null } })).toMatchObject({
      hold: { kind: "setup_missing", message: 'The sales channel "Shopee" has no stock location; imported Shopee orders need it.' },
    })
    expect(planOrderSetup({ ...found, shipping_option: { wanted: "Courier", found: null } })).toMatchObject({
      hold: { kind: "setup_missing", message: 'The shipping option "Courier" does not exist; imported Shopee orders need it.' },
    })
  })
})

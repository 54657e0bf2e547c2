import type { RunningSandbox } from "../server.js"
import { PARTNER, SHOP_ID, authorizeShop, callApi, control, createOrder, startSandbox, testOptions } from "../test-support/harness.js"

let sb: RunningSandbox

beforeEach(async () => {
  sb = await startSandbox(testOptions())
})

afterEach(() => sb.close())

function post(path: string, form: Record<string, string>) {
  return fetch(`${sb.url}${path}`, { method: "POST", body: new URLSearchParams(form), redirect: "manual" })
}

function noticeError(res: Response): string | null {
  return new URL(res.headers.get("location") ?? "", "http://console.invalid").searchParams.get("error")
}

describe("seller console", () => {
  test("lists the shops, items and orders", async () => {
    const order = await createOrder(sb)
    const res = await fetch(`${sb.url}/console`)
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toContain("text/html")
    const html = await res.text()
    expect(html).toContain("Test shop")
    expect(html).toContain(String(SHOP_ID))
    expect(html).toContain("Shirt")
    expect(html).toContain(order.order_sn)
    expect(html).toContain("UNPAID")
  })

  test("shows a disabled push subscription with a button that enables it again", async () => {
    sb.sandbox.accounts.partner(PARTNER.partner_id)!.push_suspended_at_ms = sb.sandbox.clock.nowMs()
    const html = await (await fetch(`${sb.url}/console`)).text()
    expect(html).toContain('<span class="push-subscription">suspended</span>')
    const action = `/console/push_subscriptions/${PARTNER.partner_id}/enable`
    expect(html).toContain(`action="${action}"`)
    const res = await post(action, {})
    expect(res.status).toBe(303)
    expect(noticeError(res)).toBeNull()
    expect(sb.sandbox.pushes.subscription(PARTNER.partner_id)?.status).toBe("active")
    expect(await (await fetch(`${sb.url}/console`)).text()).toContain('<span class="push-subscription">active</span>')
  })

  test("escapes what sellers type", async () => {
    await createOrder(sb, { buyer_username: "<script>alert(1)</script>" })
    await fetch(`${sb.url}/_control/shops`, { method: "POST", body: JSON.stringify({ shop_name: "<b>bold</b>" }) })
    const html = await (await fetch(`${sb.url}/console`)).text()
    expect(html).not.toContain("<b>bold</b>")
    expect(html).toContain("&lt;b&gt;bold&lt;/b&gt;")
  })

  test("the create order form creates an order and redirects back with a notice", async () => {
    const item = sb.sandbox.catalogue.itemsOfShop(SHOP_ID)[0]
    const res = await post("/console/orders", { model: `${SHOP_ID}:${item.item_id}:0`, quantity: "2", status: "READY_TO_SHIP" })
    expect(res.status).toBe(303)
    expect(res.headers.get("location")).toMatch(/^\/console\?message=Order/)
    const [order] = sb.sandbox.orders.ofShop(SHOP_ID)
    expect(order).toMatchObject({ order_status: "READY_TO_SHIP", lines: [{ quantity: 2 }] })
  })

  test("advance and cancel buttons move the order", async () => {
    const order = await createOrder(sb)
    await post(`/console/orders/${order.order_sn}/advance`, {})
    expect(sb.sandbox.orders.get(order.order_sn)?.order_status).toBe("READY_TO_SHIP")
    await post(`/console/orders/${order.order_sn}/cancel`, {})
    expect(sb.sandbox.orders.get(order.order_sn)?.order_status).toBe("CANCELLED")
    const refused = await post(`/console/orders/${order.order_sn}/advance`, {})
    expect(refused.headers.get("location")).toContain("error=")
  })

  test("an order for more than the stock comes back as an error notice, not a crash", async () => {
    const item = sb.sandbox.catalogue.itemsOfShop(SHOP_ID)[0]
    const res = await post("/console/orders", { model: `${SHOP_ID}:${item.item_id}:0`, quantity: "99" })
    expect(res.status).toBe(303)
    expect(decodeURIComponent(res.headers.get("location") ?? "")).toContain("error=")
  })

  test("the push test data form sends a push", async () => {
    const order = await createOrder(sb)
    const res = await post("/console/pushes/test", { partner_id: "1000001", code: "3", shop_id: String(SHOP_ID), order_sn: order.order_sn })
    expect(res.status).toBe(303)
    expect(sb.sandbox.state.pushes.some((p) => p.code === 3 && p.body.includes(order.order_sn))).toBe(true)
  })

  test("shows each model's stock and reserve, and sets stock by hand", async () => {
    const shirt = sb.sandbox.catalogue.itemsOfShop(SHOP_ID)[1]
    const html = await (await fetch(`${sb.url}/console`)).text()
    expect(html).toContain('<span class="stock">4</span>')
    expect(html).toContain('<span class="reserved">2</span>')
    const res = await post("/console/stock", { model: `${SHOP_ID}:${shirt.item_id}:${shirt.models[0].model_id}`, stock: "8" })
    expect(res.headers.get("location")).toContain("message=")
    expect(shirt.models[0].seller_stock[0].stock).toBe(8)
    const below = await post("/console/stock", { model: `${SHOP_ID}:${shirt.item_id}:${shirt.models[1].model_id}`, stock: "1" })
    expect(noticeError(below)).toContain("reserved for promotions")
    expect(shirt.models[1].seller_stock[0].stock).toBe(4)
  })

  test("shows a package's tracking number pending while the carrier's delay runs, then its air waybill", async () => {
    await control(sb, "PATCH", "/_control/logistics", { tracking_delay_ms: 60_000 })
    const order = await createOrder(sb, { status: "READY_TO_SHIP" })
    const tokens = await authorizeShop(sb)
    const shopCall = (path: string, body: unknown) => callApi(sb, { path, accessToken: tokens.access_token, shopId: SHOP_ID, body })
    expect((await shopCall("/api/v2/logistics/ship_order", { order_sn: order.order_sn, dropoff: { branch_id: 3001 } })).body.error).toBe("")
    const pending = await (await fetch(`${sb.url}/console`)).text()
    expect(pending).toContain('<span class="package-mode">dropoff</span>')
    expect(pending).toContain('<span class="logistics-status">LOGISTICS_READY</span>')
    expect(pending).toMatch(/<span class="tracking-number">pending \(due \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\)<\/span>/)
    expect(pending).toContain('<span class="shipping-document"></span>')

    const tracked = await control(sb, "POST", `/_control/orders/${order.order_sn}/tracking_number`, {})
    const trackingNumber = tracked.body.package.tracking_number as string
    const created = await shopCall("/api/v2/logistics/create_shipping_document", {
      order_list: [{ order_sn: order.order_sn, tracking_number: trackingNumber, shipping_document_type: "THERMAL_AIR_WAYBILL" }],
    })
    expect(created.body.error).toBe("")
    const ready = await (await fetch(`${sb.url}/console`)).text()
    expect(ready).toContain(`<span class="tracking-number">${trackingNumber}</span>`)
    expect(ready).toContain('<span class="logistics-status">LOGISTICS_REQUEST_CREATED</span>')
    expect(ready).toContain('<span class="shipping-document">THERMAL_AIR_WAYBILL READY</span>')
  })

  test("starts and ends a promotion, and restructures an item", async () => {
    const shirt = sb.sandbox.catalogue.itemsOfShop(SHOP_ID)[1]
    const small = shirt.models[0]
    await post("/console/promotions", {
      model: `${SHOP_ID}:${shirt.item_id}:${small.model_id}`,
      reserved_stock: "2",
      promotion_type: "Flash Sale",
    })
    const [promotion] = sb.sandbox.state.promotions
    expect(promotion).toMatchObject({ status: "ongoing", stock_editable: true, models: [{ model_id: small.model_id, reserved_stock: 2 }] })
    expect(small.reserved_stock).toBe(2)
    const refused = await post(`/console/items/${shirt.item_id}/restructure`, {})
    expect(noticeError(refused)).toContain("running promotion")
    await post(`/console/promotions/${promotion.promotion_id}/end`, {})
    expect(promotion.status).toBe("ended")
    expect(small.reserved_stock).toBe(0)
    await post(`/console/items/${shirt.item_id}/restructure`, {})
    expect(shirt.models.map((m) => m.model_id)).not.toContain(small.model_id)
    expect(shirt.models.map((m) => m.model_sku)).toEqual(["SHIRT-S", "SHIRT-M"])
  })
})

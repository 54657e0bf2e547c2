import { escapeHtml } from "../http-io.js"
import { normalStock, totalStock } from "../catalogue.js"
import type { Item, Order, Promotion, PushMessage } from "../model.js"
import type { Sandbox } from "../sandbox.js"
import { packageLogistics } from "./package-logistics.js"
import { pageLayout } from "./page-layout.js"

const TEST_PUSH_CODES: [number, string][] = [
  [3, "3 order status"],
  [4, "4 tracking number"],
  [1, "1 shop authorized"],
  [2, "2 authorization cancelled"],
  [12, "12 authorization expiring"],
]

function time(seconds: number | null): string {
  return seconds ? new Date(seconds * 1000).toISOString().replace("T", " ").slice(0, 19) : ""
}

function table(headers: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<p class="muted">${escapeHtml(empty)}</p>`
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join("")
  const body = rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("\n")
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`
}

function orderActions(order: Order): string {
  const sn = encodeURIComponent(order.order_sn)
  return `<form class="inline" method="post" action="/console/orders/${sn}/advance"><button type="submit">Advance</button></form>
<form class="inline" method="post" action="/console/orders/${sn}/cancel"><button type="submit">Cancel</button></form>`
}

/** The order's package: number, arranged mode, logistics status, tracking number and air waybill, each in its own cell. */
function packageCells(sandbox: Sandbox, order: Order): string[] {
  const view = packageLogistics(order, sandbox.logistics.arrangementOf(order), sandbox.shippingDocuments.documentOf(order))
  return [
    `<code class="package-number">${escapeHtml(view.package_number)}</code>`,
    `<span class="package-mode">${escapeHtml(view.mode)}</span>`,
    `<span class="logistics-status">${escapeHtml(view.logistics_status)}</span>`,
    `<span class="tracking-number">${escapeHtml(view.tracking)}</span>`,
    `<span class="shipping-document">${escapeHtml(view.shipping_document)}</span>`,
  ]
}

function itemActions(item: Item): string {
  if (!item.has_model) return ""
  return `<form class="inline" method="post" action="/console/items/${item.item_id}/restructure"><button type="submit">Restructure</button></form>`
}

function promotionActions(p: Promotion): string {
  if (p.status !== "ongoing") return ""
  return `<form class="inline" method="post" action="/console/promotions/${p.promotion_id}/end"><button type="submit">End</button></form>
<form class="inline" method="post" action="/console/promotions/${p.promotion_id}/end"><input type="hidden" name="cancelled" value="true"><button type="submit">Cancel promotion</button></form>`
}

function pushRow(m: PushMessage): string[] {
  const last = m.attempts[m.attempts.length - 1]
  const outcome = last ? (last.status !== null ? `HTTP ${last.status}` : escapeHtml(last.error ?? "")) : ""
  return [
    String(m.message_id),
    String(m.partner_id),
    String(m.code),
    escapeHtml(m.state) + (m.duplicate_of !== null ? ` (duplicate of ${m.duplicate_of})` : ""),
    `${m.attempts.length} ${outcome}`,
    `<code>${escapeHtml(m.body)}</code>`,
  ]
}

/** The partner's push subscription as Shopee judges it, with the button that turns a disabled one back on. */
function subscriptionCell(sandbox: Sandbox, partnerId: number): string {
  const view = sandbox.pushes.subscription(partnerId)
  if (!view) return ""
  const rate =
    view.success_rate === null ? "no pushes" : `${view.successes}/${view.attempts} delivered (${Math.round(view.success_rate * 100)} %)`
  const enable =
    view.status === "suspended"
      ? `<form class="inline" method="post" action="/console/push_subscriptions/${partnerId}/enable"><button type="submit">Enable pushes</button></form>`
      : ""
  return `<span class="push-subscription">${view.status}</span>, ${escapeHtml(rate)} ${enable}`
}

/** The seller console: everything in the sandbox on one server-rendered page, with forms to act. */
export function renderConsole(sandbox: Sandbox, notice: { message?: string; error?: string }): string {
  const { state } = sandbox
  const partnersOf = (shopId: number) => sandbox.authorizations.partnersOfShop(shopId).join(", ")
  const banner = [
    notice.message ? `<p class="notice">${escapeHtml(notice.message)}</p>` : "",
    notice.error ? `<p class="error" style="color:#b00">${escapeHtml(notice.error)}</p>` : "",
  ].join("")

  const modelOptions = state.items.flatMap((item) =>
    item.models.map((m) => {
      const label = `${item.item_name}${m.model_name ? ` / ${m.model_name}` : ""} (shop ${item.shop_id}, stock ${totalStock(m)}, reserved ${m.reserved_stock})`
      return `<option value="${item.shop_id}:${item.item_id}:${m.model_id}">${escapeHtml(label)}</option>`
    })
  )
  const promotions = [...state.promotions].reverse()
  const orders = [...state.orders].reverse()

  return pageLayout(
    "Shopee sandbox console",
    `<h1>Shopee sandbox: seller console</h1>
${banner}
<h2>Partner apps</h2>
${table(
  ["partner_id", "name", "callback URL", "push subscription (last 6 h)"],
  state.partners.map((p) => [
    String(p.partner_id),
    escapeHtml(p.name),
    escapeHtml(p.callback_url ?? "(none: pushes become lost pushes)"),
    subscriptionCell(sandbox, p.partner_id),
  ]),
  "No partner apps."
)}
<h2>Shops</h2>
${table(
  ["shop_id", "name", "region", "currency", "authorized partners"],
  state.shops.map((s) => [
    String(s.shop_id),
    escapeHtml(s.shop_name),
    escapeHtml(s.region),
    escapeHtml(s.currency),
    escapeHtml(partnersOf(s.shop_id)),
  ]),
  "No shops."
)}
<h2>Items</h2>
${table(
  ["item_id", "shop", "name", "status", "models (model_id: sku, stock per location)", "stock", "reserved", "normal", ""],
  state.items.map((i) => [
    String(i.item_id),
    String(i.shop_id),
    escapeHtml(i.item_name),
    escapeHtml(i.item_status),
    i.models
      .map((m) =>
        escapeHtml(`${m.model_id}: ${m.model_sku || i.item_sku}, ${m.seller_stock.map((s) => `${s.location_id}=${s.stock}`).join(" ")}`)
      )
      .join("<br>"),
    i.models.map((m) => `<span class="stock">${totalStock(m)}</span>`).join("<br>"),
    i.models.map((m) => `<span class="reserved">${m.reserved_stock}</span>`).join("<br>"),
    i.models.map((m) => String(normalStock(m))).join("<br>"),
    itemActions(i),
  ]),
  "No items."
)}
<h2>Change stock by hand</h2>
<form method="post" action="/console/stock" id="set-stock">
<label>Model <select name="model" required>${modelOptions.join("")}</select></label>
<label>Stock <input type="number" name="stock" value="0" min="0" required></label>
<button type="submit">Set stock</button>
</form>
<h2>Promotions</h2>
<form method="post" action="/console/promotions" id="start-promotion">
<label>Model <select name="model" required>${modelOptions.join("")}</select></label>
<label>Reserved stock <input type="number" name="reserved_stock" value="1" min="0" required></label>
<label>Type <select name="promotion_type"><option>Flash Sale</option><option>Discount Promotions</option></select></label>
<label><input type="checkbox" name="stock_editable" value="false"> forbids stock edits</label>
<button type="submit">Start promotion</button>
</form>
${table(
  ["promotion_id", "item", "type", "status", "models (model_id: reserved)", ""],
  promotions.map((p) => [
    String(p.promotion_id),
    String(p.item_id),
    escapeHtml(p.promotion_type),
    `<span class="promotion-status">${escapeHtml(p.status)}</span>`,
    p.models.map((m) => escapeHtml(`${m.model_id}: ${m.reserved_stock}`)).join("<br>"),
    promotionActions(p),
  ]),
  "No promotions."
)}
<h2>Create an order</h2>
<form method="post" action="/console/orders" id="create-order">
<label>Item <select name="model" required>${modelOptions.join("")}</select></label>
<label>Quantity <input type="number" name="quantity" value="1" min="1" required></label>
<label>Status <select name="status"><option value="UNPAID">UNPAID</option><option value="READY_TO_SHIP">READY_TO_SHIP (paid)</option></select></label>
<label>Buyer <input type="text" name="buyer_username" placeholder="buyer_…"></label>
<button type="submit">Create order</button>
</form>
<h2>Orders</h2>
${table(
  [
    "order_sn",
    "shop",
    "status",
    "items",
    "total",
    "created",
    "updated",
    "package",
    "mode",
    "logistics status",
    "tracking",
    "air waybill",
    "",
  ],
  orders.map((o) => [
    `<code class="order-sn">${escapeHtml(o.order_sn)}</code>`,
    String(o.shop_id),
    `<span class="order-status">${escapeHtml(o.order_status)}</span>`,
    o.lines.map((l) => escapeHtml(`${l.quantity} × ${l.item_name}${l.model_name ? ` / ${l.model_name}` : ""}`)).join("<br>"),
    escapeHtml(`${o.total_amount} ${o.currency}`),
    time(o.create_time),
    time(o.update_time),
    ...packageCells(sandbox, o),
    orderActions(o),
  ]),
  "No orders yet."
)}
<h2>Push test data</h2>
<form method="post" action="/console/pushes/test">
<label>Partner <select name="partner_id">${state.partners.map((p) => `<option value="${p.partner_id}">${p.partner_id}</option>`).join("")}</select></label>
<label>Code <select name="code">${TEST_PUSH_CODES.map(([c, label]) => `<option value="${c}">${escapeHtml(label)}</option>`).join("")}</select></label>
<label>Shop <select name="shop_id">${state.shops.map((s) => `<option value="${s.shop_id}">${s.shop_id}</option>`).join("")}</select></label>
<label>Order <select name="order_sn"><option value="">(none)</option>${orders.map((o) => `<option value="${escapeHtml(o.order_sn)}">${escapeHtml(o.order_sn)}</option>`).join("")}</select></label>
<button type="submit">Send push test data</button>
</form>
<h2>Push deliveries</h2>
${table(["id", "partner", "code", "state", "attempts", "body"], [...state.pushes].reverse().slice(0, 100).map(pushRow), "No pushes sent yet.")}
<p class="muted">Authorize a shop by opening your app's signed <code>/api/v2/shop/auth_partner</code> link. JSON control API: <code>/_control/…</code>.</p>`
  )
}

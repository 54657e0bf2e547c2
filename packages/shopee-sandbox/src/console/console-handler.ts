import type { IncomingMessage, ServerResponse } from "node:http"
import { UnknownSubjectError, authorizeSeller, redirectWithCode } from "../authorize-seller.js"
import { ControlError } from "../control/control-error.js"
import { ControlInput } from "../control/control-input.js"
import { testPushPayload } from "../control/push-routes.js"
import { readBody, redirect, sendHtml } from "../http-io.js"
import { OrderInputError, TransitionError } from "../orders.js"
import { PromotionInputError, PromotionStateError } from "../promotions.js"
import type { Sandbox } from "../sandbox.js"
import { renderConsole } from "./console-page.js"
import { pageLayout } from "./page-layout.js"

function backToConsole(res: ServerResponse, notice: { message?: string; error?: string }): void {
  const query = new URLSearchParams(notice as Record<string, string>).toString()
  redirect(res, 303, `/console${query ? `?${query}` : ""}`)
}

function approve(sandbox: Sandbox, res: ServerResponse, form: URLSearchParams): void {
  const request = sandbox.authRequests.take(form.get("request_id") ?? "")
  if (!request) {
    sendHtml(
      res,
      400,
      pageLayout("Authorization expired", "<h1>This authorization page has expired</h1><p>Start again from the partner app.</p>")
    )
    return
  }
  const [kind, id] = (form.get("subject") ?? "").split(":")
  const subject = kind === "main_account" ? { main_account_id: Number(id) } : { shop_id: Number(id) }
  const code = authorizeSeller(sandbox, request.partner_id, subject)
  redirect(res, 302, redirectWithCode(request.redirect, code))
}

/** Runs one console form action; returns the notice to show. */
function act(sandbox: Sandbox, path: string, form: URLSearchParams): string {
  const orderAction = /^\/console\/orders\/([^/]+)\/(advance|cancel)$/.exec(path)
  if (orderAction) {
    const order = sandbox.orders.get(decodeURIComponent(orderAction[1]))
    if (!order) throw new TransitionError(`order ${orderAction[1]} does not exist`)
    if (orderAction[2] === "advance") sandbox.orders.advance(order)
    else sandbox.orders.cancel(order, { by: "seller", reason: "Cancelled from the sandbox console" })
    sandbox.changed()
    return `Order ${order.order_sn} is now ${order.order_status}`
  }
  if (path === "/console/orders") {
    const [shopId, itemId, modelId] = (form.get("model") ?? "").split(":").map(Number)
    const order = sandbox.orders.create({
      shop_id: shopId,
      items: [{ item_id: itemId, model_id: modelId, quantity: Number(form.get("quantity") ?? 1) || 1 }],
      status: form.get("status") === "READY_TO_SHIP" ? "READY_TO_SHIP" : "UNPAID",
      buyer_username: form.get("buyer_username") || undefined,
    })
    sandbox.changed()
    return `Order ${order.order_sn} created`
  }
  if (path === "/console/stock" || path === "/console/promotions") {
    const [, itemId, modelId] = (form.get("model") ?? "").split(":").map(Number)
    const item = sandbox.catalogue.item(itemId)
    const model = item?.models.find((m) => m.model_id === modelId)
    if (!item || !model) throw new ControlError(400, "invalid_field", `no model ${modelId} of item ${itemId}`, "model")
    if (path === "/console/stock") {
      const stock = Number(form.get("stock"))
      if (!Number.isSafeInteger(stock) || stock < 0)
        throw new ControlError(400, "invalid_field", "stock should be a whole number, 0 or more", "stock")
      if (stock < model.reserved_stock)
        throw new ControlError(400, "invalid_field", `${stock} is below the ${model.reserved_stock} reserved for promotions`, "stock")
      sandbox.catalogue.setStock(item, model, [{ location_id: sandbox.accounts.shop(item.shop_id)!.location_ids[0], stock }])
      sandbox.changed()
      return `Stock of model ${modelId} of item ${itemId} is now ${stock}`
    }
    const promotion = sandbox.promotions.start(item, {
      item_id: itemId,
      promotion_type: form.get("promotion_type") || undefined,
      stock_editable: form.get("stock_editable") !== "false",
      models: [{ model_id: modelId, reserved_stock: Number(form.get("reserved_stock")) || 0 }],
    })
    sandbox.changed()
    return `Promotion ${promotion.promotion_id} started`
  }
  const promotionEnd = /^\/console\/promotions\/(\d+)\/end$/.exec(path)
  if (promotionEnd) {
    const promotion = sandbox.promotions.get(Number(promotionEnd[1]))
    if (!promotion) throw new ControlError(404, "not_found", `promotion ${promotionEnd[1]} does not exist`)
    sandbox.promotions.end(promotion, form.get("cancelled") === "true" ? "promo_cancelled" : "promo_end")
    sandbox.changed()
    return `Promotion ${promotion.promotion_id} is now ${promotion.status}`
  }
  const restructure = /^\/console\/items\/(\d+)\/restructure$/.exec(path)
  if (restructure) {
    const item = sandbox.catalogue.item(Number(restructure[1]))
    if (!item) throw new ControlError(404, "not_found", `item ${restructure[1]} does not exist`)
    if (sandbox.promotions.hasPromotion(item.item_id))
      throw new ControlError(409, "conflict", `item ${item.item_id} is in a running promotion: end it first`)
    const remap = sandbox.catalogue.restructure(item, sandbox.accounts.shop(item.shop_id)!)
    sandbox.changed()
    return `Item ${item.item_id} restructured: ${remap.map((r) => `${r.old_model_id} -> ${r.new_model_id}`).join(", ")}`
  }
  const enable = /^\/console\/push_subscriptions\/(\d+)\/enable$/.exec(path)
  if (enable) {
    if (!sandbox.pushes.enable(Number(enable[1]))) throw new ControlError(404, "not_found", `partner ${enable[1]} does not exist`)
    return `Pushes enabled again for partner ${enable[1]}; what was not sent while disabled is not resent`
  }
  if (path === "/console/pushes/test") {
    const input = new ControlInput({
      code: Number(form.get("code")),
      shop_id: Number(form.get("shop_id")),
      ...(form.get("order_sn") ? { order_sn: form.get("order_sn") } : {}),
    })
    const partnerId = Number(form.get("partner_id"))
    const sent = sandbox.pushes.send(partnerId, testPushPayload(sandbox, input))
    return sent.length > 0 ? `Push ${sent.map((m) => m.message_id).join(", ")} sent` : `No partner ${partnerId}`
  }
  throw new ControlError(404, "not_found", `no console action ${path}`)
}

/** `/console` (the page) and its form actions, which redirect back to the page with a notice. */
export async function handleConsoleRequest(sandbox: Sandbox, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (req.method === "GET" && (url.pathname === "/console" || url.pathname === "/console/")) {
    const notice = { message: url.searchParams.get("message") ?? undefined, error: url.searchParams.get("error") ?? undefined }
    sendHtml(res, 200, renderConsole(sandbox, notice))
    return
  }
  if (req.method !== "POST") {
    sendHtml(res, 405, pageLayout("Not allowed", "<h1>Use the console's forms</h1>"))
    return
  }
  const form = new URLSearchParams(await readBody(req))
  try {
    if (url.pathname === "/console/authorize") approve(sandbox, res, form)
    else backToConsole(res, { message: act(sandbox, url.pathname, form) })
  } catch (err) {
    const known = [ControlError, OrderInputError, TransitionError, UnknownSubjectError, PromotionInputError, PromotionStateError].some(
      (k) => err instanceof k
    )
    if (!known) throw err
    backToConsole(res, { error: (err as Error).message })
  }
}

import type { IncomingMessage, ServerResponse } from "node:http"
import { BodyTooLargeError, parseJsonObject, readBody, sendJson } from "../http-io.js"
import type { Sandbox } from "../sandbox.js"
import { logisticsControlRoutes } from "../logistics/logistics-control-routes.js"
import { shippingDocumentControlRoutes } from "../logistics/shipping-document-control-routes.js"
import { accountRoutes } from "./account-routes.js"
import { authRoutes } from "./auth-routes.js"
import { catalogueRoutes } from "./catalogue-routes.js"
import { ControlError } from "./control-error.js"
import { ControlInput } from "./control-input.js"
import { matchPattern, type ControlRoute } from "./control-route.js"
import { orderRoutes } from "./order-routes.js"
import { promotionRoutes } from "./promotion-routes.js"
import { pushRoutes } from "./push-routes.js"
import { systemRoutes } from "./system-routes.js"

const CONTROL_ROUTES: ControlRoute[] = [
  ...systemRoutes,
  ...accountRoutes,
  ...catalogueRoutes,
  ...promotionRoutes,
  ...orderRoutes,
  ...logisticsControlRoutes,
  ...shippingDocumentControlRoutes,
  ...authRoutes,
  ...pushRoutes,
]

/** Answers one `/_control/...` request with plain JSON (no Shopee envelope). */
export async function handleControlRequest(
  sandbox: Sandbox,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  reset: () => void
): Promise<void> {
  try {
    const candidates = CONTROL_ROUTES.map((route) => ({ route, params: matchPattern(route.pattern, url.pathname) })).filter(
      (c) => c.params !== null
    )
    if (candidates.length === 0) throw new ControlError(404, "not_found", `no control endpoint ${url.pathname}`)
    const match = candidates.find((c) => c.route.method === req.method)
    if (!match) {
      const allowed = candidates.map((c) => c.route.method).join(", ")
      throw new ControlError(405, "method_not_allowed", `${req.method} is not allowed on ${url.pathname}; use ${allowed}`)
    }
    let body: Record<string, unknown> = {}
    if (req.method === "POST" || req.method === "PATCH") {
      const parsed = parseJsonObject(await readBody(req))
      if (parsed === null) throw new ControlError(400, "invalid_json", "the body is not a JSON object")
      body = parsed ?? {}
    }
    const reply = await match.route.handle({
      sandbox,
      input: new ControlInput(body),
      params: match.params as Record<string, string>,
      query: url.searchParams,
      reset,
    })
    sendJson(res, reply.status ?? 200, reply.body)
  } catch (err) {
    if (err instanceof ControlError) {
      sendJson(res, err.status, { error: err.error, ...(err.field !== null ? { field: err.field } : {}), message: err.message })
    } else if (err instanceof BodyTooLargeError) {
      sendJson(res, 413, { error: "invalid_json", message: err.message })
    } else {
      console.error("shopee-sandbox: unexpected control error on", url.pathname, err)
      sendJson(res, 500, { error: "internal", message: err instanceof Error ? err.message : String(err) })
    }
  }
}

import crypto from "node:crypto"

/** What the connector reads from a push body before storing it. */
export type ParsedPush = {
  code: number | null
  shop_id: string | null
  order_sn: string | null
  shopee_timestamp: number | null
  parse_error: string | null
  /** Null when the body is not a push at all: nothing to recognise a repeat by. */
  dedupe_key: string | null
}

/**
 * Reads a push body without trusting it. Shopee sends `ordersn` (not `order_sn`) in push data.
 * The dedupe key is made of code, shop, order and Shopee's timestamp, plus a digest of the exact
 * bytes: a retried push repeats all of them, while two different pushes about the same order in
 * the same second still differ.
 */
export function parsePush(rawBody: string): ParsedPush {
  let body: unknown
  try {
    body = JSON.parse(rawBody)
  } catch (error) {
    return empty(`The body is not JSON: ${(error as Error).message}`)
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return empty("The body is JSON but not an object")
  }
  const push = body as Record<string, unknown>
  const data = (typeof push.data === "object" && push.data !== null ? push.data : {}) as Record<string, unknown>
  const code = Number.isInteger(push.code) ? (push.code as number) : null
  const shopId = push.shop_id === undefined || push.shop_id === null ? null : String(push.shop_id)
  const orderSn = typeof data.ordersn === "string" ? data.ordersn : typeof data.order_sn === "string" ? data.order_sn : null
  const timestamp = Number.isInteger(push.timestamp) ? (push.timestamp as number) : null
  const digest = crypto.createHash("sha256").update(rawBody).digest("hex").slice(0, 16)
  return {
    code,
    shop_id: shopId,
    order_sn: orderSn,
    shopee_timestamp: timestamp,
    parse_error: code === null ? "The push has no integer code" : null,
    dedupe_key: [code ?? "-", shopId ?? "-", orderSn ?? "-", timestamp ?? "-", digest].join(":"),
  }
}

function empty(parseError: string): ParsedPush {
  return { code: null, shop_id: null, order_sn: null, shopee_timestamp: null, parse_error: parseError, dedupe_key: null }
}

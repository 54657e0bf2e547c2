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

/** Shopee's push codes are small; the admin's `?code=` filter uses the same bound. */
export const MAX_PUSH_CODE = 9999
/** `shopee_timestamp` is a 32-bit integer column: Unix seconds up to 2038. */
const MAX_TIMESTAMP = 2 ** 31 - 1
/** Shopee's order numbers are short letters and digits (`220810QSK8S7BX`). */
const ORDER_SN = /^[A-Za-z0-9_-]{1,64}$/

/**
 * Reads a push body without trusting it. Shopee sends `ordersn` (not `order_sn`) in push data.
 * Every field read is checked against the column it goes into, so a hostile value makes the
 * push rejected with a reason rather than making its insert fail (and the push be lost).
 * The dedupe key is made of code, shop, order and Shopee's timestamp, plus a digest of the exact
 * bytes: a retried push repeats all of them, while two different pushes about the same order in
 * the same second still differ.
 */
export function parsePush(rawBody: string): ParsedPush {
  let body: unknown
  try {
    body = JSON.parse(rawBody)
  } catch (error) {
    return unreadablePush(`The body is not JSON: ${(error as Error).message}`)
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return unreadablePush("The body is JSON but not an object")
  }
  const push = body as Record<string, unknown>
  const data = (typeof push.data === "object" && push.data !== null ? push.data : {}) as Record<string, unknown>
  const problems: string[] = []

  let code: number | null = null
  if (!Number.isInteger(push.code)) problems.push("The push has no integer code")
  else if ((push.code as number) < 0 || (push.code as number) > MAX_PUSH_CODE)
    problems.push(`The push's code ${push.code} is out of range (0 to ${MAX_PUSH_CODE})`)
  else code = push.code as number

  let shopId: string | null = null
  if (push.shop_id !== undefined && push.shop_id !== null) {
    if (Number.isSafeInteger(push.shop_id) && (push.shop_id as number) >= 0) shopId = String(push.shop_id)
    else if (typeof push.shop_id === "string" && /^[0-9]{1,20}$/.test(push.shop_id)) shopId = push.shop_id
    else problems.push("The push's shop_id is not a whole number")
  }

  let orderSn: string | null = null
  const orderField = typeof data.ordersn === "string" ? "ordersn" : typeof data.order_sn === "string" ? "order_sn" : null
  if (orderField) {
    const value = data[orderField] as string
    if (ORDER_SN.test(value)) orderSn = value
    else if (value.includes("\u0000")) problems.push(`The push's ${orderField} contains a NUL character`)
    else problems.push(`The push's ${orderField} is not an order number (letters and digits, at most 64)`)
  }

  let timestamp: number | null = null
  if (push.timestamp !== undefined && push.timestamp !== null) {
    if (Number.isInteger(push.timestamp) && (push.timestamp as number) >= 0 && (push.timestamp as number) <= MAX_TIMESTAMP)
      timestamp = push.timestamp as number
    else problems.push(`The push's timestamp is not Unix seconds (0 to ${MAX_TIMESTAMP})`)
  }

  const digest = crypto.createHash("sha256").update(rawBody).digest("hex").slice(0, 16)
  return {
    code,
    shop_id: shopId,
    order_sn: orderSn,
    shopee_timestamp: timestamp,
    parse_error: problems.length > 0 ? problems.join("; ") : null,
    dedupe_key: [code ?? "-", shopId ?? "-", orderSn ?? "-", timestamp ?? "-", digest].join(":"),
  }
}

/** A body that is not a push at all: nothing read from it. */
export function unreadablePush(parseError: string): ParsedPush {
  return { code: null, shop_id: null, order_sn: null, shopee_timestamp: null, parse_error: parseError, dedupe_key: null }
}

import { createHmac } from "node:crypto"
import { createServer, type IncomingHttpHeaders } from "node:http"
import type { AddressInfo } from "node:net"
import { startSandbox, type RunningSandbox, type SandboxOptions } from "../server.js"

/**
 * Test helpers that talk to a sandbox over real HTTP. Signatures are computed here with
 * node:crypto directly, not with the sandbox's own sign.ts, so a mistake there cannot hide.
 */

export const PARTNER = { partner_id: 1000001, partner_key: "test-partner-key-0001", push_partner_key: "test-push-key-0001" }
export const OTHER_PARTNER = { partner_id: 1000002, partner_key: "test-partner-key-0002", push_partner_key: "test-push-key-0002" }
export const SHOP_ID = 700001
export const OTHER_SHOP_ID = 700002

export function testOptions(overrides: SandboxOptions = {}): SandboxOptions {
  return {
    partners: [PARTNER, OTHER_PARTNER],
    shops: [
      {
        shop_id: SHOP_ID,
        shop_name: "Test shop",
        region: "SG",
        items: [
          { item_name: "Single", item_sku: "SINGLE", price: 10, stock: 5 },
          {
            item_name: "Shirt",
            item_sku: "SHIRT",
            models: [
              { model_name: "S", model_sku: "SHIRT-S", price: 20, stock: 3 },
              { model_name: "M", model_sku: "SHIRT-M", price: 21, stock: 4, reserved_stock: 2 },
            ],
          },
        ],
      },
      { shop_id: OTHER_SHOP_ID, shop_name: "Other shop", region: "MY" },
    ],
    ...overrides,
  }
}

export interface Reply<T = Record<string, any>> {
  status: number
  body: T
  headers: Headers
}

async function reply<T>(response: Response): Promise<Reply<T>> {
  const text = await response.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // an HTML page or an empty body stays text
  }
  return { status: response.status, body: body as T, headers: response.headers }
}

export function hmacHex(key: string, message: string): string {
  return createHmac("sha256", key).update(message).digest("hex")
}

export interface ApiCall {
  method?: "GET" | "POST"
  path: string
  partner?: { partner_id: number; partner_key: string }
  accessToken?: string
  shopId?: number
  merchantId?: number
  query?: Record<string, string | number>
  body?: unknown
  /** Overrides the timestamp (seconds); defaults to the sandbox's clock. */
  timestamp?: number
  /** Overrides the computed sign. */
  sign?: string
  rawBody?: string
}

/** Calls the Open Platform API signed as a public, shop or merchant call (by which ids are given). */
export async function callApi<T = Record<string, any>>(sb: RunningSandbox, call: ApiCall): Promise<Reply<T>> {
  const partner = call.partner ?? PARTNER
  const timestamp = call.timestamp ?? sb.sandbox.clock.nowSeconds()
  let base = `${partner.partner_id}${call.path}${timestamp}`
  if (call.shopId !== undefined) base += `${call.accessToken ?? ""}${call.shopId}`
  if (call.merchantId !== undefined) base += `${call.accessToken ?? ""}${call.merchantId}`
  const query = new URLSearchParams({
    partner_id: String(partner.partner_id),
    timestamp: String(timestamp),
    sign: call.sign ?? hmacHex(partner.partner_key, base),
  })
  if (call.accessToken !== undefined) query.set("access_token", call.accessToken)
  if (call.shopId !== undefined) query.set("shop_id", String(call.shopId))
  if (call.merchantId !== undefined) query.set("merchant_id", String(call.merchantId))
  for (const [k, v] of Object.entries(call.query ?? {})) query.set(k, String(v))
  const method = call.method ?? (call.body !== undefined || call.rawBody !== undefined ? "POST" : "GET")
  const response = await fetch(`${sb.url}${call.path}?${query}`, {
    method,
    headers: method === "POST" ? { "Content-Type": "application/json" } : {},
    body: method === "POST" ? (call.rawBody ?? JSON.stringify(call.body ?? {})) : undefined,
    redirect: "manual",
  })
  return reply<T>(response)
}

export async function control<T = Record<string, any>>(
  sb: RunningSandbox,
  method: string,
  path: string,
  body?: unknown
): Promise<Reply<T>> {
  const response = await fetch(`${sb.url}${path}`, {
    method,
    headers: body !== undefined ? { "Content-Type": "application/json" } : {},
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  })
  return reply<T>(response)
}

export interface Tokens {
  access_token: string
  refresh_token: string
}

/** Authorizes the shop for PARTNER through the control API and exchanges the code for tokens. */
export async function authorizeShop(sb: RunningSandbox, shopId = SHOP_ID, partner = PARTNER): Promise<Tokens> {
  const code = await control(sb, "POST", "/_control/auth_code", { partner_id: partner.partner_id, shop_id: shopId })
  const tokens = await callApi(sb, {
    path: "/api/v2/auth/token/get",
    partner,
    body: { code: code.body.code, partner_id: partner.partner_id, shop_id: shopId },
  })
  if (tokens.status !== 200) throw new Error(`token/get failed: ${JSON.stringify(tokens.body)}`)
  return { access_token: tokens.body.access_token, refresh_token: tokens.body.refresh_token }
}

export async function createOrder(sb: RunningSandbox, body: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const items = sb.sandbox.catalogue.itemsOfShop(SHOP_ID)
  const created = await control(sb, "POST", "/_control/orders", {
    shop_id: SHOP_ID,
    items: [{ item_id: items[0].item_id, quantity: 1 }],
    ...body,
  })
  if (created.status !== 201) throw new Error(`order creation failed: ${JSON.stringify(created.body)}`)
  return created.body
}

export interface ReceivedPush {
  url: string
  authorization: string | undefined
  headers: IncomingHttpHeaders
  body: string
  at: number
}

export interface PushReceiver {
  url: string
  received: ReceivedPush[]
  /** Decides the status of each delivery (by its index); "hang" never answers. */
  respond: (index: number) => ReceiverAnswer
  close(): Promise<void>
}

/** A stand-in for the partner's webhook endpoint. */
/** A status (empty body), a status with a body, or "hang" (never answer). */
export type ReceiverAnswer = number | "hang" | { status: number; body: string }

export async function startReceiver(respond: (index: number) => ReceiverAnswer = () => 200): Promise<PushReceiver> {
  const received: ReceivedPush[] = []
  const receiver: PushReceiver = { url: "", received, respond, close: async () => undefined }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => {
      const index = received.length
      received.push({
        url: req.url ?? "",
        authorization: req.headers.authorization,
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      })
      const answer = receiver.respond(index)
      if (answer === "hang") return
      if (typeof answer === "number") {
        res.writeHead(answer)
        res.end()
      } else {
        res.writeHead(answer.status)
        res.end(answer.body)
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/shopee`
  receiver.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return receiver
}

/** Waits until `predicate` holds, polling; fails after `timeoutMs`. */
export async function eventually(predicate: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error("condition not met in time")
    await new Promise((r) => setTimeout(r, 10))
  }
}

export { startSandbox }

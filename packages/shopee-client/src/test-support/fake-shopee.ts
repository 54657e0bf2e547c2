/**
 * A local stand-in for Shopee: checks partner_id, the 5-minute timestamp window, the sign of
 * each call type and the access token as Shopee does, answers with Shopee's envelope, and lets
 * a test script each path's answer (including faults: 5xx, hangs, dropped connections).
 * Its signature check is written independently of src/sign.ts on purpose.
 */
import { createHmac, randomBytes } from "node:crypto"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

export interface FakeRequest {
  method: string
  path: string
  query: URLSearchParams
  body: Record<string, unknown> | undefined
  signType: "public" | "shop" | "merchant"
  shopId?: number
  accessToken?: string
}

export type FakeReply =
  /** A JSON body; `response` is wrapped in a success envelope unless `raw` is set. */
  | { status?: number; response?: unknown; raw?: unknown }
  | { status: number; text: string }
  /** A file answered as itself, with its content type (a download). */
  | { file: Buffer; contentType: string }
  | { hang: true }
  | { destroy: true }

export type Handler = (request: FakeRequest, callIndex: number) => FakeReply | Promise<FakeReply>

export interface FakeShopee {
  baseUrl: string
  partnerId: number
  partnerKey: string
  /** Every request that reached a handler, in order of arrival. */
  calls: FakeRequest[]
  /** Requests refused before a handler (bad sign, token, timestamp). */
  refused: { path: string; error: string }[]
  /** Valid access tokens and the shop each belongs to. */
  accessTokens: Map<string, number>
  on(path: string, handler: Handler): void
  callsTo(path: string): FakeRequest[]
  close(): Promise<void>
}

export function successEnvelope(response: unknown): Record<string, unknown> {
  return { request_id: requestId(), error: "", message: "", response }
}

export function errorEnvelope(error: string, message: string): Record<string, unknown> {
  return { request_id: requestId(), error, message }
}

function requestId(): string {
  return randomBytes(16).toString("hex")
}

export async function startFakeShopee(options: { partnerId?: number; partnerKey?: string } = {}): Promise<FakeShopee> {
  const partnerId = options.partnerId ?? 1000123
  const partnerKey = options.partnerKey ?? "test-partner-key-5f1e2d3c4b5a69788796a5b4c3d2e1f0"
  const handlers = new Map<string, Handler>()
  const calls: FakeRequest[] = []
  const refused: FakeShopee["refused"] = []
  const accessTokens = new Map<string, number>()
  const perPath = new Map<string, number>()

  const refuse = (res: ServerResponse, path: string, status: number, error: string, message: string) => {
    refused.push({ path, error })
    send(res, status, errorEnvelope(error, message))
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake.shopee")
    const path = url.pathname
    const q = url.searchParams
    const text = await readBody(req)

    if (Number(q.get("partner_id")) !== partnerId) return refuse(res, path, 403, "error_param", "Wrong partner_id")
    const timestamp = Number(q.get("timestamp"))
    if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) {
      return refuse(res, path, 403, "error_param", "Timestamp is expired")
    }
    const accessToken = q.get("access_token") ?? undefined
    const shopId = q.get("shop_id") ?? undefined
    const merchantId = q.get("merchant_id") ?? undefined
    const signType = accessToken && shopId ? "shop" : accessToken && merchantId ? "merchant" : "public"
    const base = `${partnerId}${path}${timestamp}${signType === "public" ? "" : `${accessToken}${shopId ?? merchantId}`}`
    const expected = createHmac("sha256", partnerKey).update(base).digest("hex")
    if (q.get("sign") !== expected) return refuse(res, path, 403, "error_sign", "Wrong sign.")
    if (signType === "shop" && accessTokens.get(accessToken!) !== Number(shopId)) {
      // Shopee's own misspelling, as it arrives on the wire.
      return refuse(res, path, 403, "invalid_acceess_token", "Invalid access_token.")
    }

    let body: Record<string, unknown> | undefined
    if (req.method === "POST") {
      try {
        body = JSON.parse(text) as Record<string, unknown>
      } catch {
        return refuse(res, path, 400, "error_param", "Body is not JSON")
      }
    }
    const request: FakeRequest = {
      method: req.method ?? "GET",
      path,
      query: q,
      body,
      signType,
      shopId: shopId === undefined ? undefined : Number(shopId),
      accessToken,
    }
    const handler = handlers.get(path)
    if (!handler) return send(res, 404, errorEnvelope("error_not_found", `No handler for ${path}`))
    calls.push(request)
    const index = perPath.get(path) ?? 0
    perPath.set(path, index + 1)
    const reply = await handler(request, index)
    if ("hang" in reply) return
    if ("destroy" in reply) return void req.socket.destroy()
    if ("file" in reply) {
      res.writeHead(200, { "content-type": reply.contentType })
      return void res.end(reply.file)
    }
    if ("text" in reply) {
      res.writeHead(reply.status, { "content-type": "text/html" })
      return void res.end(reply.text)
    }
    send(res, reply.status ?? 200, reply.raw ?? successEnvelope(reply.response ?? {}))
  })

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    partnerId,
    partnerKey,
    calls,
    refused,
    accessTokens,
    on: (path, handler) => void handlers.set(path, handler),
    callsTo: (path) => calls.filter((call) => call.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    req.on("error", reject)
  })
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" })
  res.end(JSON.stringify(body))
}

import type { IncomingMessage, ServerResponse } from "node:http"
import { bodyParams, queryParams } from "./api-params.js"
import type { ApiResult } from "./api-route.js"
import { API_ROUTES } from "./api-routes.js"
import type { FaultRule } from "./faults.js"
import { BodyTooLargeError, parseJsonObject, readBody, sendFile, sendHtml, sendJson } from "./http-io.js"
import { randomHex32 } from "./random-token.js"
import type { Sandbox } from "./sandbox.js"
import { ShopeeError, notFoundError, paramError } from "./shopee-error.js"
import { verifyRequest } from "./verify-request.js"

/** Responses held open by a `timeout` fault, ended when the sandbox closes. */
export type HangingResponses = Set<ServerResponse>

function envelopeError(err: ShopeeError): { status: number; body: Record<string, unknown> } {
  return { status: err.httpStatus, body: { request_id: randomHex32(), error: err.error, message: err.message } }
}

function envelopeSuccess(result: Exclude<ApiResult, { html: string } | { file: unknown }>): Record<string, unknown> {
  const body: Record<string, unknown> = {
    request_id: randomHex32(),
    error: result.error?.error ?? "",
    message: result.error?.message ?? "",
  }
  if (result.warning !== undefined) body.warning = result.warning
  if (result.response !== undefined) body.response = result.response
  return { ...body, ...result.fields }
}

function faultAnswer(rule: FaultRule): ShopeeError {
  if (rule.kind === "rate_limit") return new ShopeeError("error_rate_limit", "Too many requests, please try again later.", 429)
  return new ShopeeError("error_server", "Something wrong. Please try later.", rule.status)
}

function hang(res: ServerResponse, rule: FaultRule, hanging: HangingResponses): void {
  hanging.add(res)
  res.on("close", () => hanging.delete(res))
  if (rule.latency_ms > 0) {
    setTimeout(() => {
      hanging.delete(res)
      res.destroy()
    }, rule.latency_ms)
  }
}

/** Answers one `/api/...` request: faults, routing, the gateway checks, the handler, the envelope. */
export async function handleApiRequest(
  sandbox: Sandbox,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  hanging: HangingResponses
): Promise<void> {
  const path = url.pathname
  const receivedAt = sandbox.clock.nowMs()
  const numeric = (name: string) => {
    const value = Number(url.searchParams.get(name) ?? NaN)
    return Number.isSafeInteger(value) ? value : null
  }
  let requestBody: Record<string, unknown> | null = null
  const log = (status: number, error: string) =>
    sandbox.requestLog.record({
      at_ms: receivedAt,
      method: req.method ?? "",
      path,
      query: Object.fromEntries(url.searchParams),
      partner_id: numeric("partner_id"),
      shop_id: numeric("shop_id"),
      // Auth bodies carry codes and refresh tokens: the log keeps only what a test asserts on.
      body: path.startsWith("/api/v2/auth/") ? null : requestBody,
      status,
      error,
    })

  const faults = sandbox.faults.forRequest(path)
  if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs))
  if (faults.terminal?.kind === "timeout") {
    log(0, "timeout (fault)")
    hang(res, faults.terminal, hanging)
    return
  }

  let answer:
    | { status: number; body: Record<string, unknown> }
    | { status: number; html: string }
    | { status: number; file: { content_type: string; bytes: Buffer } }
  try {
    if (faults.terminal) throw faultAnswer(faults.terminal)
    const route = API_ROUTES.get(path)
    if (!route) throw notFoundError(`Api not found: ${path}`)
    // Shopee's gateway routes on method and path together, so a wrong method finds no API.
    if (req.method !== route.method) throw notFoundError(`Api not found: ${req.method} ${path}, use ${route.method}`)
    let body: Record<string, unknown> = {}
    if (route.method === "POST") {
      const parsed = parseJsonObject(await readBody(req))
      if (parsed === null) throw paramError("Wrong parameters, detail: the request body is not a JSON object.")
      body = parsed ?? {}
      requestBody = body
    }
    const caller = verifyRequest(sandbox, route.call, path, url.searchParams)
    const params = route.method === "POST" ? bodyParams(body) : queryParams(url.searchParams)
    const result = route.handle({ sandbox, caller, params, query: url.searchParams })
    if ("html" in result) answer = { status: 200, html: result.html }
    else if ("file" in result) answer = { status: 200, file: result.file }
    else answer = { status: 200, body: envelopeSuccess(result) }
  } catch (err) {
    if (err instanceof ShopeeError) answer = envelopeError(err)
    else if (err instanceof BodyTooLargeError) answer = envelopeError(paramError(`Wrong parameters, detail: ${err.message}.`))
    else {
      console.error("shopee-sandbox: unexpected error on", path, err)
      answer = envelopeError(new ShopeeError("error_server", "Something wrong. Please try later.", 500))
    }
  }
  log(answer.status, "body" in answer ? String(answer.body.error ?? "") : "")
  if ("html" in answer) sendHtml(res, answer.status, answer.html)
  else if ("file" in answer) sendFile(res, answer.file.content_type, answer.file.bytes)
  else sendJson(res, answer.status, answer.body)
}

import http from "node:http"
import https from "node:https"

export interface PostOutcome {
  status: number | null
  /** How many bytes the callback answered: Shopee wants none. */
  body_bytes: number
  error: string | null
}

/**
 * One push delivery attempt. A fresh connection each time (no keep-alive), so a closed sandbox
 * leaves no sockets behind; the response body is only counted (a delivered push answers none).
 */
export function postPush(url: string, body: string, authorization: string, timeoutMs: number, signal: AbortSignal): Promise<PostOutcome> {
  return new Promise((resolve) => {
    let settled = false
    const settle = (outcome: PostOutcome) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(outcome)
    }
    let target: URL
    try {
      target = new URL(url)
    } catch {
      resolve({ status: null, body_bytes: 0, error: "invalid callback URL" })
      return
    }
    const client = target.protocol === "https:" ? https : http
    const request = client.request(
      target,
      {
        method: "POST",
        agent: false,
        signal,
        headers: {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(body),
          Authorization: authorization,
        },
      },
      (response) => {
        let bodyBytes = 0
        response.on("data", (chunk: Buffer) => {
          bodyBytes += chunk.length
        })
        response.on("end", () => settle({ status: response.statusCode ?? null, body_bytes: bodyBytes, error: null }))
        response.on("error", (err) => settle({ status: response.statusCode ?? null, body_bytes: bodyBytes, error: err.message }))
      }
    )
    const timer = setTimeout(() => {
      settle({ status: null, body_bytes: 0, error: `timeout after ${timeoutMs} ms` })
      request.destroy()
    }, timeoutMs)
    request.on("error", (err) => settle({ status: null, body_bytes: 0, error: err.message }))
    request.end(body)
  })
}

import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/** Query parameters of the OAuth callback that must not reach a log: the single-use code and the state. */
const SECRET_PARAMETERS = new Set(["code", "state"])

/**
 * The URL with the value of every `code` and `state` parameter (also `state[]`, `%73tate`)
 * replaced by `[redacted]`; everything else is kept as it came, so the log still says which
 * environment and shop the callback was about.
 */
export function redactOAuthQuery(url: string): string {
  const mark = url.indexOf("?")
  if (mark < 0) return url
  const parts = url
    .slice(mark + 1)
    .split("&")
    .map((part) => {
      const equals = part.indexOf("=")
      const rawName = equals < 0 ? part : part.slice(0, equals)
      let name = rawName
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, " "))
      } catch {
        // A malformed escape: judge the name as written.
      }
      const base = name.replace(/\[.*$/, "").trim().toLowerCase()
      return SECRET_PARAMETERS.has(base) ? `${rawName}=[redacted]` : part
    })
  return `${url.slice(0, mark)}?${parts.join("&")}`
}

/**
 * The Referer of a callback is Shopee's authorization page, whose query carries our redirect URL
 * with its state, encoded inside another parameter: only its origin and path are kept.
 */
export function redactReferer(referer: string): string {
  const end = referer.search(/[?#]/)
  return end < 0 ? referer : `${referer.slice(0, end)}?[redacted]`
}

/**
 * Medusa's access log (morgan) writes `req.originalUrl` and the Referer header when the response
 * finishes. This middleware, on the callback routes only, rewrites that copy of the URL and the
 * Referer; routing and the handler read `req.url` and `req.query`, which stay untouched.
 */
export function redactOAuthQueryFromAccessLog(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction): void {
  req.originalUrl = redactOAuthQuery(req.originalUrl ?? req.url)
  for (const name of ["referer", "referrer"]) {
    const value = req.headers[name]
    if (typeof value === "string") req.headers[name] = redactReferer(value)
  }
  next()
}

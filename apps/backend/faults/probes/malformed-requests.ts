import type { Expectation } from "./judge-answer"

/** One malformed request: where it goes (a path on the Medusa server), what it carries, what must come back. */
export type MalformedRequest = {
  name: string
  method: "GET" | "POST" | "PATCH" | "DELETE"
  path: string
  headers?: Record<string, string>
  body?: string | Buffer
  /** Sent with the admin session. */
  admin?: boolean
  expect: Expectation
}

const WEBHOOK = "/connectors/shopee/webhook/sandbox"
const CALLBACK = "/connectors/shopee/oauth/callback/sandbox"
const PUSH_LIMIT = 64 * 1024

const acknowledged: Expectation = { kind: "acknowledged" }
const redirected: Expectation = { kind: "redirected" }
const refused = (mentions?: string): Expectation => ({ kind: "refused", ...(mentions ? { mentions } : {}) })

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part) : Buffer.from(part))))
const nested = (depth: number, open: string, close: string, inner = "1") => open.repeat(depth) + inner + close.repeat(depth)
/** A push-shaped body, each call distinct (a repeated body would be counted as a duplicate instead). */
let distinct = 0
const push = (fields: string) => `{"code":3,"shop_id":820001,"timestamp":${1760000000 + ++distinct}${fields ? `,${fields}` : ""}}`

/** Bodies no Shopee push has: sent unsigned (acknowledged), and the ones that broke the intake, also signed. */
function pushBodies(): { name: string; body: string | Buffer; contentType?: string; signedToo?: boolean }[] {
  return [
    { name: "empty body", body: "" },
    { name: "raw NUL byte", body: bytes('{"code":3,"shop_id":820001,', [0], '"timestamp":1760000001}'), signedToo: true },
    { name: "\\u0000 in a string", body: push('"data":{"ordersn":"A\\u0000B"}'), signedToo: true },
    { name: "code 3000000000 (integer overflow)", body: `{"code":3000000000,"shop_id":820001,"timestamp":1760000002}`, signedToo: true },
    { name: "timestamp of 20 digits", body: `{"code":3,"shop_id":820001,"timestamp":12345678901234567890}`, signedToo: true },
    { name: "shop_id of 20 digits", body: `{"code":3,"shop_id":99999999999999999999,"timestamp":1760000003}`, signedToo: true },
    { name: "shop_id 0x10", body: `{"code":3,"shop_id":"0x10","timestamp":1760000004}`, signedToo: true },
    { name: "negative code", body: push("").replace('"code":3', '"code":-3') },
    { name: "code as a string", body: push("").replace('"code":3', '"code":"3"') },
    { name: "fractional code", body: push("").replace('"code":3', '"code":3.5') },
    { name: "number 1e400", body: push('"data":{"update_time":1e400}'), signedToo: true },
    { name: "not UTF-8 (0xff 0xfe)", body: bytes('{"code":3,"data":"', [0xff, 0xfe], '"}'), signedToo: true },
    { name: "broken UTF-8 sequence", body: bytes('{"code":3,"data":"', [0xc3, 0x28], '"}') },
    { name: "overlong UTF-8 NUL", body: bytes('{"code":3,"data":"', [0xc0, 0x80], '"}') },
    { name: "lone surrogate escape", body: push('"data":{"ordersn":"\\ud800"}'), signedToo: true },
    { name: "UTF-16 body", body: Buffer.from(push(""), "utf16le") },
    { name: "byte order mark before JSON", body: bytes([0xef, 0xbb, 0xbf], push("")) },
    { name: "not JSON", body: "hello shopee" },
    { name: "truncated JSON", body: '{"code":3,"shop_id":8200', signedToo: true },
    { name: "JSON array", body: "[1,2,3]" },
    { name: "JSON null", body: "null" },
    { name: "JSON number", body: "42" },
    { name: "duplicate keys", body: push('"code":"again"') },
    { name: "data as a string", body: push('"data":"ordersn"') },
    { name: "arrays nested 20,000 deep", body: push(`"data":${nested(20_000, "[", "]")}`), signedToo: true },
    { name: "objects nested 5,000 deep", body: push(`"data":${nested(5_000, '{"a":', "}")}`) },
    { name: "order_sn of 40 kB", body: push(`"data":{"ordersn":"${"S".repeat(40_000)}"}`), signedToo: true },
    { name: "form-encoded body", body: "code=3&shop_id=820001", contentType: "application/x-www-form-urlencoded" },
    { name: "multipart body without its boundary", body: "--x\r\n\r\nhello\r\n--x--", contentType: "multipart/form-data" },
    { name: "JSON sent as text/plain", body: push(""), contentType: "text/plain" },
  ]
}

/**
 * The malformed requests of the fault suite, across the public routes (the webhook and the OAuth
 * callback) and the admin routes. `sign` signs a push body as Shopee would, so that the bodies
 * that once broke the intake are tried past the signature check too. No admin request here may
 * be valid: each is refused before it writes.
 */
export function malformedRequests(sign: (path: string, body: string | Buffer) => string): MalformedRequest[] {
  const requests: MalformedRequest[] = []
  // Each push from its own sender (Medusa trusts one proxy's X-Forwarded-For), so that the limit on
  // rejected pushes stored per sender leaves them stored, and their rows are checked.
  let sender = 0
  const webhook = (name: string, body: string | Buffer, headers: Record<string, string>, expect = acknowledged, path = WEBHOOK) =>
    requests.push({
      name: `webhook: ${name}`,
      method: "POST",
      path,
      headers: { ...headers, "x-forwarded-for": `198.51.100.${(sender++ % 250) + 1}` },
      body,
      expect,
    })

  for (const { name, body, contentType, signedToo } of pushBodies()) {
    const type = { "content-type": contentType ?? "application/json" }
    webhook(`${name}, unsigned`, body, { ...type, authorization: "0".repeat(64) })
    if (signedToo) webhook(`${name}, signed`, body, { ...type, authorization: sign(WEBHOOK, body) })
  }
  const json = { "content-type": "application/json" }
  webhook("no Authorization", push(""), json)
  webhook("Authorization of 8 kB", push(""), { ...json, authorization: "f".repeat(8 * 1024) })
  webhook("Authorization not hex", push(""), { ...json, authorization: "z".repeat(64) })
  webhook("Authorization of Latin-1 bytes", push(""), { ...json, authorization: "\u00e9\u00ff".repeat(32) })
  webhook("Content-Encoding gzip that is not gzip", push(""), { ...json, "content-encoding": "gzip", authorization: "0".repeat(64) })
  webhook(
    "repeated and NUL query parameters",
    push(""),
    { ...json, authorization: "0".repeat(64) },
    acknowledged,
    `${WEBHOOK}?a=1&a=2&%00=%00`
  )
  webhook("body one byte over the limit", "x".repeat(PUSH_LIMIT + 1), json, refused("limit"))
  webhook("body of 1 MB", Buffer.alloc(1024 * 1024, "y"), json, refused("limit"))
  webhook("unknown environment", push(""), json, refused("environment"), "/connectors/shopee/webhook/production")
  webhook("%00 environment", push(""), json, refused("environment"), "/connectors/shopee/webhook/%00")
  webhook("environment sandbox%00", push(""), json, refused("environment"), "/connectors/shopee/webhook/sandbox%00")
  webhook("environment of 4 kB", push(""), json, refused("environment"), `/connectors/shopee/webhook/${"e".repeat(4096)}`)

  const callback = (name: string, query: string, path = CALLBACK) =>
    requests.push({ name: `oauth callback: ${name}`, method: "GET", path: `${path}${query}`, expect: redirected })
  callback("no query", "")
  callback("code without shop", "?code=abc")
  callback("unknown code", "?code=abc&shop_id=820001")
  callback("repeated code", "?code=a&code=b&shop_id=820001")
  callback("repeated state", "?code=a&shop_id=820001&state=x&state=y")
  callback("repeated shop_id", "?code=a&shop_id=1&shop_id=2")
  callback("nested state", "?code=a&shop_id=820001&state[x]=y")
  callback("shop_id 0x10", "?code=a&shop_id=0x10")
  callback("shop_id of 20 digits", "?code=a&shop_id=99999999999999999999")
  callback("negative shop_id", "?code=a&shop_id=-1")
  callback("shop_id %00", "?code=a&shop_id=%00")
  callback("code %00", "?code=%00&shop_id=820001")
  callback("state %00", "?code=a&shop_id=820001&state=%00")
  callback("unknown state", "?code=a&shop_id=820001&state=0123456789abcdef")
  callback("code of 8 kB", `?code=${"c".repeat(8192)}&shop_id=820001`)
  callback("not UTF-8 percent-encoding", "?code=%FF%FE&shop_id=820001")
  callback("broken percent-encoding", "?code=%E0%A4%A&shop_id=%")
  callback("main_account_id instead of shop_id", "?code=a&main_account_id=99999999999999999999")
  callback("unknown environment", "?code=a&shop_id=820001", "/connectors/shopee/oauth/callback/production")
  callback("%00 environment", "?code=a&shop_id=820001", "/connectors/shopee/oauth/callback/%00")

  const admin = (
    name: string,
    method: MalformedRequest["method"],
    path: string,
    expect: Expectation,
    body?: unknown,
    headers?: Record<string, string>
  ) =>
    requests.push({
      name: `admin: ${name}`,
      method,
      path,
      admin: true,
      body: body === undefined ? undefined : typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body),
      headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
      expect,
    })
  const credentials = "/admin/shopee/credentials?env=sandbox"
  admin("profile name with NUL", "PATCH", credentials, refused("name"), { name: "shop\u0000name" })
  admin("profile name of 101 characters", "PATCH", credentials, refused("name"), { name: "n".repeat(101) })
  admin("partner_id 0x10", "PATCH", credentials, refused("partner_id"), { partner_id: "0x10" })
  admin("partner_id of 20 digits", "PATCH", credentials, refused("partner_id"), '{"partner_id":99999999999999999999}')
  admin("partner_id 1e400", "PATCH", credentials, refused("partner_id"), '{"partner_id":1e400}')
  admin("negative shop_id", "PATCH", credentials, refused("shop_id"), { shop_id: -5 })
  admin("shop_id as an object", "PATCH", credentials, refused("shop_id"), { shop_id: { $gt: 0 } })
  admin("empty partner_key", "PATCH", credentials, refused("partner_key"), { partner_key: "   " })
  admin("partner_key as a number", "PATCH", credentials, refused("partner_key"), { partner_key: 12345 })
  admin("default_location_id with NUL", "PATCH", credentials, refused("default_location_id"), { default_location_id: "sloc_\u0000" })
  admin("api_base_url not a URL", "PATCH", credentials, refused("api_base_url"), { api_base_url: "not a url" })
  admin("api_base_url with NUL", "PATCH", credentials, refused("api_base_url"), {
    api_base_url: "https://partner.shopeemobile.com\u0000.evil",
  })
  admin("unknown field", "PATCH", credentials, refused("unrecognized"), { partner_key_plain: "x" })
  admin("empty body", "PATCH", credentials, refused("empty"), {})
  admin("body that is not JSON", "PATCH", credentials, refused(), "{name:", { "content-type": "application/json" })
  admin("JSON array body", "PATCH", credentials, refused(), [1, 2])
  admin("JSON nested 5,000 deep", "PATCH", credentials, refused(), `{"name":${nested(5_000, '{"a":', "}", '"x"')}}`)
  admin("JSON body of 2 MB", "PATCH", credentials, refused(), JSON.stringify({ name: "x".repeat(2 * 1024 * 1024) }))
  admin("unknown environment", "PATCH", "/admin/shopee/credentials?env=production", refused("env"), { name: "x" })
  admin("repeated environment", "PATCH", "/admin/shopee/credentials?env=sandbox&env=live", refused("env"), { name: "x" })
  admin("environment %00", "GET", "/admin/shopee/credentials?env=%00", refused("env"))
  admin("new profile, unknown environment", "POST", "/admin/shopee/profiles", refused("environment"), {
    environment: "production",
    name: "x",
  })
  admin("new profile, name with NUL", "POST", "/admin/shopee/profiles", refused("name"), { environment: "sandbox", name: "\u0000" })
  admin("new profile without a name", "POST", "/admin/shopee/profiles", refused("name"), { environment: "sandbox" })
  admin("profile id %00", "PATCH", "/admin/shopee/profiles/%00", refused("id"), { name: "x" })
  admin("delete profile id %00", "DELETE", "/admin/shopee/profiles/%00", refused("id"))
  admin("activate profile id %00", "POST", "/admin/shopee/profiles/%00/activate", refused("id"))
  admin("switch to an unknown environment", "POST", "/admin/shopee/active-environment", refused("environment"), {
    environment: "production",
  })
  admin("rotation batch of 3000000000", "POST", "/admin/shopee/encryption/rotate", refused("batch_size"), { batch_size: 3000000000 })
  admin("rotation dry_run as a string", "POST", "/admin/shopee/encryption/rotate", refused("dry_run"), { dry_run: "yes" })
  admin("events ?status= with NUL", "GET", "/admin/shopee/events?env=sandbox&status=%00", refused("status"))
  admin("events ?code=3000000000", "GET", "/admin/shopee/events?env=sandbox&code=3000000000", refused("code"))
  admin("events ?limit=3000000000", "GET", "/admin/shopee/events?env=sandbox&limit=3000000000", refused("limit"))
  admin("events ?offset=-1", "GET", "/admin/shopee/events?env=sandbox&offset=-1", refused("offset"))
  admin("events ?code of 20 digits", "GET", "/admin/shopee/events?env=sandbox&code=99999999999999999999", refused("code"))
  admin("event id %00", "GET", "/admin/shopee/events/%00", refused("id"))
  admin("event id of 4 kB", "GET", `/admin/shopee/events/${"e".repeat(4096)}`, refused())
  admin("replay event id %00", "POST", "/admin/shopee/events/%00/replay", refused("id"))
  admin("orders ?q= with NUL", "GET", "/admin/shopee/orders?env=sandbox&q=%00", refused("q"))
  admin("orders ?q= of 8 kB", "GET", `/admin/shopee/orders?env=sandbox&q=${"q".repeat(8192)}`, refused("q"))
  admin("order by-order id %00", "GET", "/admin/shopee/orders/by-order/%00", refused("order_id"))
  admin("exceptions ?kind= with NUL", "GET", "/admin/shopee/exceptions?env=sandbox&kind=%00", refused("kind"))
  admin("exceptions ?status= repeated and unknown", "GET", "/admin/shopee/exceptions?env=sandbox&status=open&status=%00", refused("status"))
  admin("resolve exception id %00", "POST", "/admin/shopee/exceptions/%00/resolve", refused("id"))
  admin("retry exception id %00", "POST", "/admin/shopee/exceptions/%00/retry", refused("id"))
  admin("products ?q= with NUL", "GET", "/admin/shopee/products?env=sandbox&q=%00", refused("q"))
  admin("products by-variant id with NUL", "GET", "/admin/shopee/products/by-variant?variant_id=%00", refused("variant_id"))
  admin("map product id %00", "POST", "/admin/shopee/products/%00/map", refused("id"), { variant_id: "variant_x" })
  admin("map without variant_id", "POST", "/admin/shopee/products/probe/map", refused("variant_id"), {})
  admin("import in an unknown mode", "POST", "/admin/shopee/products/import?env=sandbox", refused("mode"), { mode: "everything" })
  admin("stock settings, mode with NUL", "POST", "/admin/shopee/stock/settings?env=sandbox", refused("mode"), { mode: "mirror\u0000" })
  admin("stock settings, buffer of 3000000000", "POST", "/admin/shopee/stock/settings?env=sandbox", refused("buffer"), {
    buffer: 3000000000,
  })
  admin("stock run of an unknown kind", "POST", "/admin/shopee/stock/runs?env=sandbox", refused("kind"), { kind: "everything" })
  admin("stock run id %00", "GET", "/admin/shopee/stock/runs/%00", refused("id"))
  admin("restore stock run id %00", "POST", "/admin/shopee/stock/runs/%00/restore", refused("id"))
  admin("reconcile an unknown environment", "POST", "/admin/shopee/reconcile?env=production", refused("env"))
  admin("latest reconciliation without an environment", "GET", "/admin/shopee/reconcile", refused("env"))
  admin("reconciliation run id %00", "GET", "/admin/shopee/reconcile/runs/%00", refused("id"))
  admin("connect with environment %00", "POST", "/admin/shopee/connect?env=%00", refused("env"))
  admin("dashboard ?env= repeated", "GET", "/admin/dashboard/summary?env=sandbox&env=live", refused("env"))
  return requests
}

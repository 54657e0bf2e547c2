import http from "node:http"
import type { AddressInfo } from "node:net"
import express from "express"
import { redactOAuthQuery, redactOAuthQueryFromAccessLog, redactReferer } from "./redact-oauth-query"

// The access logger Medusa's HTTP loader uses, with its development format.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const morgan = require("morgan") as (format: string, options: { stream: { write(line: string): void } }) => express.RequestHandler

describe("the OAuth callback's access log line", () => {
  it("redacts code and state, however they are spelled, and keeps the rest", () => {
    expect(redactOAuthQuery("/connectors/shopee/oauth/callback/sandbox?code=abc123&shop_id=700001&state=eyJ.sig")).toEqual(
      "/connectors/shopee/oauth/callback/sandbox?code=[redacted]&shop_id=700001&state=[redacted]"
    )
    expect(redactOAuthQuery("/cb?state=a&state=b&state[]=c&%73tate=d&CODE=e")).toEqual(
      "/cb?state=[redacted]&state=[redacted]&state[]=[redacted]&%73tate=[redacted]&CODE=[redacted]"
    )
    expect(redactOAuthQuery("/cb")).toEqual("/cb")
  })

  it("keeps only the origin and path of the Referer", () => {
    expect(redactReferer("https://partner.shopeemobile.com/auth?redirect=x%3Fstate%3Dabc")).toEqual(
      "https://partner.shopeemobile.com/auth?[redacted]"
    )
    expect(redactReferer("https://a.example/p#code=1")).toEqual("https://a.example/p?[redacted]")
    expect(redactReferer("https://a.example/p")).toEqual("https://a.example/p")
  })

  it("never reaches morgan's line, while the handler still reads the query", async () => {
    const lines: string[] = []
    const seen: Record<string, unknown>[] = []
    const app = express()
    app.use(morgan(":method :url ← :referrer (:status)", { stream: { write: (line) => lines.push(line.trim()) } }))
    app.get("/connectors/shopee/oauth/callback/:env", redactOAuthQueryFromAccessLog as unknown as express.RequestHandler, (req, res) => {
      seen.push({ ...req.query })
      res.redirect(302, "/app/shopee")
    })
    const server = http.createServer(app).listen(0, "127.0.0.1")
    await new Promise((resolve) => server.once("listening", resolve))
    try {
      const { port } = server.address() as AddressInfo
      await fetch(`http://127.0.0.1:${port}/connectors/shopee/oauth/callback/sandbox?code=SECRETCODE&shop_id=700001&state=SECRETSTATE`, {
        redirect: "manual",
        // Shopee's authorization page, whose query carries our redirect URL and its state.
        headers: {
          referer:
            "https://partner.shopeemobile.com/api/v2/shop/auth_partner?partner_id=1&redirect=https%3A%2F%2Fshop%2Fcb%3Fstate%3DSECRETSTATE",
        },
      })
      await new Promise((resolve) => setTimeout(resolve, 50))
    } finally {
      server.close()
    }
    expect(seen).toEqual([{ code: "SECRETCODE", shop_id: "700001", state: "SECRETSTATE" }])
    expect(lines).toEqual([
      "GET /connectors/shopee/oauth/callback/sandbox?code=[redacted]&shop_id=700001&state=[redacted] ← https://partner.shopeemobile.com/api/v2/shop/auth_partner?[redacted] (302)",
    ])
  })
})

import http from "node:http"
import type { AddressInfo } from "node:net"
import express from "express"
import { redactOAuthQuery, redactOAuthQueryFromAccessLog } from "./redact-oauth-query"

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

  it("never reaches morgan's line, while the handler still reads the query", async () => {
    const lines: string[] = []
    const seen: Record<string, unknown>[] = []
    const app = express()
    app.use(morgan(":method :url (:status)", { stream: { write: (line) => lines.push(line.trim()) } }))
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
      })
      await new Promise((resolve) => setTimeout(resolve, 50))
    } finally {
      server.close()
    }
    expect(seen).toEqual([{ code: "SECRETCODE", shop_id: "700001", state: "SECRETSTATE" }])
    expect(lines).toEqual(["GET /connectors/shopee/oauth/callback/sandbox?code=[redacted]&shop_id=700001&state=[redacted] (302)"])
  })
})

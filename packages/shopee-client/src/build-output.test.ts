/**
 * Builds the package and loads the result the way its users do: Medusa with require() (CJS),
 * others with import (ESM), both through the package name and its "exports" map.
 */
import { execFileSync } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"

const packageDir = join(__dirname, "..")
const dist = join(packageDir, "dist")

// What a consumer does with each build: sign, verify a push, construct a client, type an error.
const probe = `
  const ok = {
    sign: c.signPublic({ partnerId: 1, partnerKey: "k", path: "/api/v2/shop/auth_partner", timestamp: 1 }).length === 64,
    verify: c.verifyPush({ url: "u", rawBody: "b", authorization: "0".repeat(64), pushPartnerKey: "k" }) === false,
    client: typeof new c.ShopeeClient({ partnerId: 1, partnerKey: "k", region: "GLOBAL" }).shop === "function",
    errors: new c.ShopeeAuthError({ path: "/p", message: "m" }) instanceof c.ShopeeError,
    tokens: typeof c.TokenSource === "function",
  }
  process.stdout.write(JSON.stringify(ok))
`
const allTrue = { sign: true, verify: true, client: true, errors: true, tokens: true }

function runNode(args: string[]): unknown {
  // From the package folder, so that the package name resolves through the workspace link.
  return JSON.parse(execFileSync(process.execPath, args, { cwd: packageDir, encoding: "utf8" }))
}

describe("built package", () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(packageDir, "scripts", "build.mjs")], { cwd: packageDir, stdio: "pipe" })
  }, 120_000)

  it("writes CJS, ESM and declarations, each folder marked with its module type", () => {
    for (const file of ["cjs/index.js", "esm/index.js", "types/index.d.ts", "types/api/orders.d.ts"]) {
      expect(existsSync(join(dist, file))).toBe(true)
    }
    expect(JSON.parse(readFileSync(join(dist, "cjs", "package.json"), "utf8"))).toEqual({ type: "commonjs" })
    expect(JSON.parse(readFileSync(join(dist, "esm", "package.json"), "utf8"))).toEqual({ type: "module" })
    expect(existsSync(join(dist, "cjs", "sign.test.js"))).toBe(false)
    expect(existsSync(join(dist, "cjs", "test-support"))).toBe(false)
  })

  it("loads with require() from CommonJS", () => {
    expect(runNode(["-e", `const c = require("@shopee-medusa/shopee-client");${probe}`])).toEqual(allTrue)
    expect(runNode(["-e", `const c = require(${JSON.stringify(join(dist, "cjs", "index.js"))});${probe}`])).toEqual(allTrue)
  })

  it("loads with import from ESM", () => {
    expect(runNode(["--input-type=module", "-e", `import * as c from "@shopee-medusa/shopee-client";${probe}`])).toEqual(allTrue)
  })

  it("serves the vocabulary on its own subpath, importing nothing, for browser bundles", () => {
    const probeVocabulary = `process.stdout.write(JSON.stringify([v.ORDER_STATUSES.length, v.pushCodeName(3)]))`
    const expected = [11, "order status update"]
    expect(runNode(["-e", `const v = require("@shopee-medusa/shopee-client/vocabulary");${probeVocabulary}`])).toEqual(expected)
    expect(
      runNode(["--input-type=module", "-e", `import * as v from "@shopee-medusa/shopee-client/vocabulary";${probeVocabulary}`])
    ).toEqual(expected)
    expect(readFileSync(join(dist, "esm", "vocabulary.js"), "utf8")).not.toMatch(/^\s*import\b/m)
  })
})

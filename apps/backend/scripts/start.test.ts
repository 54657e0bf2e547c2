import { spawnSync } from "node:child_process"
import net from "node:net"
import path from "node:path"
import { findFreePort } from "./free-port"

const ROOT = path.resolve(__dirname, "../../..")
const TSX = path.join(ROOT, "node_modules/.bin/tsx")

async function runStart(env: NodeJS.ProcessEnv) {
  // A free sandbox port, so that a demo already running here does not change the outcome.
  const sandboxPort = String(await findFreePort())
  const result = spawnSync(TSX, [path.join(__dirname, "start.ts")], {
    cwd: ROOT,
    env: { ...process.env, SHOPEE_SANDBOX_PORT: sandboxPort, ...env },
    encoding: "utf8",
    timeout: 60_000,
  })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

describe("npm start with bad input", () => {
  it("names an unreachable DATABASE_URL with its password masked, without a stack trace", async () => {
    const port = await findFreePort()
    const deadPort = await findFreePort()
    const { status, output } = await runStart({
      PORT: String(port),
      DATABASE_URL: `postgres://merchant:hunter2secret@127.0.0.1:${deadPort}/shop`,
    })
    expect(status).toEqual(1)
    expect(output).toContain(`postgres://merchant:****@127.0.0.1:${deadPort}/shop`)
    expect(output).toContain("does not answer")
    expect(output).not.toContain("hunter2secret")
    expect(output).not.toMatch(/^\s+at /m)
  })

  it("names a port that is already taken", async () => {
    const blocker = net.createServer()
    await new Promise<void>((resolve) => blocker.listen(0, "0.0.0.0", resolve))
    const { port } = blocker.address() as net.AddressInfo
    try {
      const { status, output } = await runStart({ PORT: String(port), DATABASE_URL: "postgres://localhost:1/none" })
      expect(status).toEqual(1)
      expect(output).toContain(`Port ${port} is already in use`)
    } finally {
      blocker.close()
    }
  })

  it("names the sandbox port when it is taken", async () => {
    const blocker = net.createServer()
    await new Promise<void>((resolve) => blocker.listen(0, "0.0.0.0", resolve))
    const { port } = blocker.address() as net.AddressInfo
    try {
      const { status, output } = await runStart({
        PORT: String(await findFreePort()),
        SHOPEE_SANDBOX_PORT: String(port),
        DATABASE_URL: "postgres://localhost:1/none",
      })
      expect(status).toEqual(1)
      expect(output).toContain(`Port ${port} (the Shopee sandbox) is already in use`)
    } finally {
      blocker.close()
    }
  })

  it("refuses a PORT that is not a port number", async () => {
    const { status, output } = await runStart({ PORT: "ninety", DATABASE_URL: "postgres://localhost:1/none" })
    expect(status).toEqual(1)
    expect(output).toContain('PORT must be a port number (got "ninety")')
  })
})

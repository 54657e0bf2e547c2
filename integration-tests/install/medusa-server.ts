import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { waitForHttp } from "../../apps/backend/scripts/wait-for-http"

export type MedusaServer = { url: string; stop: () => Promise<void> }

/**
 * `medusa start` from the app's build (`.medusa/server`), as a deployment runs it: production
 * mode, the built admin. It runs in a process group of its own so that stopping it ends
 * everything it started; its output goes to `logFile`.
 */
export async function startMedusa(options: {
  appDir: string
  env: NodeJS.ProcessEnv
  port: number
  logFile: string
}): Promise<MedusaServer> {
  const log = fs.openSync(options.logFile, "a")
  const child = spawn(path.join(options.appDir, "node_modules/.bin/medusa"), ["start"], {
    cwd: path.join(options.appDir, ".medusa/server"),
    env: { ...options.env, PORT: String(options.port) },
    detached: true,
    stdio: ["ignore", log, log],
  })
  fs.closeSync(log)
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) signalGroup(child.pid!, "SIGTERM")
    const timer = setTimeout(() => signalGroup(child.pid!, "SIGKILL"), 15_000)
    await exited
    clearTimeout(timer)
    await waitForGroupToEnd(child.pid!)
  }
  const url = `http://localhost:${options.port}`
  try {
    await Promise.race([
      waitForHttp(`${url}/health`, 180_000),
      exited.then(() => {
        throw new Error(`medusa start exited with ${child.exitCode ?? child.signalCode}; see ${options.logFile}`)
      }),
    ])
  } catch (error) {
    await stop()
    throw error
  }
  return { url, stop }
}

function signalGroup(groupId: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-groupId, signal)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error
  }
}

/** Medusa's workers end a moment after the main process; whatever is left after 15 s is killed. */
async function waitForGroupToEnd(groupId: number): Promise<void> {
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    try {
      process.kill(-groupId, 0)
    } catch {
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  signalGroup(groupId, "SIGKILL")
}

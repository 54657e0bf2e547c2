/**
 * killOnExit across processes: a launcher (a tsx process of its own) starts a long `sleep`, then
 * exits while it still runs, as the fault suite does when a signal ends it mid-restart.
 */
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { killOnExit } from "./stop-child"

const TSX = require.resolve("tsx/cli")

/** Alive and not a zombie waiting for PID 1 to reap it. */
function running(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z"
  } catch {
    return false
  }
}

/** Runs a launcher that starts `sleep 60`, guarded or not, and exits at once; returns the sleep's PID. */
function launchAndExit(guarded: boolean): number {
  const script = `
    const { spawn } = require("node:child_process")
    const { killOnExit } = require(${JSON.stringify(path.join(__dirname, "stop-child"))})
    const sleeper = spawn("sleep", ["60"], { stdio: "ignore" })
    ${guarded ? "killOnExit(sleeper)" : ""}
    console.log(sleeper.pid)
    setTimeout(() => process.exit(0), 200)
  `
  const launcher = spawnSync(process.execPath, [TSX, "--eval", script], { encoding: "utf8", timeout: 60_000 })
  if (launcher.status !== 0) throw new Error(`the launcher failed: ${launcher.stderr}`)
  return Number(launcher.stdout.trim())
}

async function within(ms: number, check: () => boolean): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (check()) return true
  }
  return check()
}

describe("killOnExit", () => {
  it("kills a child still running when its launcher exits", async () => {
    const pid = launchAndExit(true)
    expect(await within(2000, () => !running(pid))).toBe(true)
  })

  it("is what kills it: an unguarded child outlives its launcher", async () => {
    const pid = launchAndExit(false)
    try {
      expect(running(pid)).toBe(true)
    } finally {
      process.kill(pid, "SIGKILL")
    }
  })

  it("lets go of a child that exited first", async () => {
    const before = process.listenerCount("exit")
    const child = spawn("true", { stdio: "ignore" })
    killOnExit(child)
    expect(process.listenerCount("exit")).toBe(before + 1)
    await new Promise((resolve) => child.once("exit", resolve))
    expect(process.listenerCount("exit")).toBe(before)
  })
})

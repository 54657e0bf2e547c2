import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"

const ROOT = path.resolve(__dirname, "../../..")

/**
 * What a newcomer's shell passes on: nothing of the test runner's (jest sets NODE_ENV=test, which
 * would turn `medusa start`'s production mode off and hide the bugs only it has) and none of the
 * developer's own settings (REDIS_URL, DATABASE_URL, …). Callers add what they mean to change.
 */
const SHELL_VARIABLES = ["PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LC_ALL", "TERM", "TMPDIR", "TZ", "CI"]

export type NpmStart = {
  /** Medusa's base URL, as printed ("Medusa admin: <url>/app"). */
  url: string
  /** The simulator's base URL, as printed. */
  sandboxUrl: string
  /** The admin login, when this start printed it (only the start that created the user does). */
  admin?: { email: string; password: string }
  /** Everything printed so far. */
  output: () => string
  /**
   * Ctrl-C as a terminal sends it: SIGINT to the whole process group. Resolves when the launcher
   * has exited, with the processes of its group still alive 20 s later (none, when all is well;
   * those are then killed).
   */
  stop: () => Promise<{ exitCode: number | null; leftovers: string[] }>
}

/**
 * Runs `npm start` from the repository root exactly as a person types it, in a process group of
 * its own, and resolves once it has printed its URLs and "Stop with Ctrl-C.".
 */
export async function startNpmStart(options: {
  env: Record<string, string>
  /** What a person types after `npm start --`, e.g. ["--instances", "sandbox,live"] or ["--worker"]. */
  args?: string[]
  /** The checkout to start; default this one. */
  cwd?: string
  logFile: string
  timeoutMs?: number
}): Promise<NpmStart> {
  const env: NodeJS.ProcessEnv = {}
  for (const name of SHELL_VARIABLES) {
    if (process.env[name] !== undefined) env[name] = process.env[name]
  }
  Object.assign(env, options.env)
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true })
  const log = fs.createWriteStream(options.logFile)
  const child = spawn("npm", ["start", ...(options.args?.length ? ["--", ...options.args] : [])], {
    cwd: options.cwd ?? ROOT,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  let output = ""
  const onData = (chunk: Buffer) => {
    output += chunk.toString("utf8")
    log.write(chunk)
  }
  child.stdout!.on("data", onData)
  child.stderr!.on("data", onData)
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)))

  const stop: NpmStart["stop"] = async () => {
    if (child.exitCode === null && child.signalCode === null) signalGroup(child.pid!, "SIGINT")
    const exitCode = await exited
    const leftovers = await waitForEmptyGroup(child.pid!, 20_000)
    if (leftovers.length > 0) signalGroup(child.pid!, "SIGKILL")
    log.end()
    return { exitCode, leftovers }
  }

  const timeoutMs = options.timeoutMs ?? 10 * 60_000
  const deadline = Date.now() + timeoutMs
  while (!output.includes("Stop with Ctrl-C.")) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop()
      throw new Error(`npm start exited with ${child.exitCode ?? child.signalCode} before it was up:\n${output.slice(-4000)}`)
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`npm start was not up after ${timeoutMs / 1000} s:\n${output.slice(-4000)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return { ...readBanner(output), output: () => output, stop }
}

/** The URLs and the login from the lines `npm start` prints when it is up. */
export function readBanner(output: string): Pick<NpmStart, "url" | "sandboxUrl" | "admin"> {
  const admin = /Medusa admin:\s+(\S+)\/app\s*$/m.exec(output)
  // "Shopee simulator:" in the banner of `--instances`, whose first block is the sandbox instance's.
  const sandbox = /Shopee (?:sandbox|simulator):\s+(\S+)\/console/m.exec(output)
  const login = /Admin login:\s+(\S+) \/ (\S+)\s+\(shown this once\)/m.exec(output)
  if (!admin || !sandbox) throw new Error(`npm start printed no URLs:\n${output.slice(-4000)}`)
  return {
    url: admin[1],
    sandboxUrl: sandbox[1],
    admin: login ? { email: login[1], password: login[2] } : undefined,
  }
}

function signalGroup(groupId: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-groupId, signal)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error
  }
}

type RunningProcess = { pid: number; group: number; commandLine: string }

/** Every live process of this machine (zombies left out), from /proc. */
function runningProcesses(): RunningProcess[] {
  const found: RunningProcess[] = []
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      // After the command name (which may hold spaces) come the state and, third, the process group.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      if (fields[0] === "Z") continue
      const commandLine = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ").trim()
      found.push({ pid: Number(entry), group: Number(fields[2]), commandLine })
    } catch {
      // The process ended while it was being read.
    }
  }
  return found
}

/**
 * The processes (pid and command line) that `matches`, once they have had `graceMs` to end:
 * Ctrl-C takes a few seconds to go round, and a medusa command forks a detached telemetry
 * sender when it exits, which lives outside the process group for a second or so.
 */
async function processesLeft(matches: (candidate: RunningProcess) => boolean, graceMs: number): Promise<string[]> {
  const deadline = Date.now() + graceMs
  const find = () =>
    runningProcesses()
      .filter((candidate) => candidate.pid !== process.pid && matches(candidate))
      .map((candidate) => `${candidate.pid} ${candidate.commandLine}`)
  let found = find()
  while (found.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    found = find()
  }
  return found
}

/** The processes whose command line contains `text`, in any group, after `graceMs`. */
export function processesMentioning(text: string, graceMs = 20_000): Promise<string[]> {
  return processesLeft((candidate) => candidate.commandLine.includes(text), graceMs)
}

function waitForEmptyGroup(groupId: number, timeoutMs: number): Promise<string[]> {
  return processesLeft((candidate) => candidate.group === groupId, timeoutMs)
}

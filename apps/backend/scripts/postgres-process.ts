import { spawn, type ChildProcess } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { EmbeddedDatabaseError } from "./embedded-database-error"

type Identity = { uid: number; gid: number } | undefined

export type RunningServer = { stop(): Promise<void> }

const READY = "database system is ready to accept connections"
const START_TIMEOUT_MS = 60_000
const STOP_GRACE_MS = 20_000

/**
 * English messages whatever the machine's language: readiness is recognised by its log line. The
 * working folder is `/`, since the folder this process runs in may be closed to the postgres user.
 */
function spawnOptions(as: Identity) {
  return {
    ...(as ?? {}),
    cwd: "/",
    env: { ...process.env, LC_MESSAGES: "C" },
    stdio: ["ignore", "pipe", "pipe"] as ["ignore", "pipe", "pipe"],
  }
}

/** Creates the cluster in the empty or missing folder `dataDir`, with password login for `user`. */
export async function initCluster(options: {
  initdb: string
  dataDir: string
  user: string
  password: string
  as: Identity
  log: (line: string) => void
}): Promise<void> {
  // initdb reads the password from a file; it sits beside the cluster, readable by its owner alone.
  const secretDir = path.join(path.dirname(options.dataDir), `.initdb-${crypto.randomBytes(4).toString("hex")}`)
  fs.mkdirSync(secretDir, { mode: 0o700 })
  const passwordFile = path.join(secretDir, "password")
  try {
    fs.writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 })
    if (options.as) {
      fs.chownSync(secretDir, options.as.uid, options.as.gid)
      fs.chownSync(passwordFile, options.as.uid, options.as.gid)
    }
    const args = [
      `--pgdata=${options.dataDir}`,
      "--auth=password",
      `--username=${options.user}`,
      `--pwfile=${passwordFile}`,
      "--lc-messages=C",
    ]
    await new Promise<void>((resolve, reject) => {
      const child = spawn(options.initdb, args, spawnOptions(options.as))
      const output = collectOutput(child, options.log)
      child.on("error", (error) => reject(spawnFailure(options.initdb, error)))
      child.on("close", (code, signal) => {
        if (code === 0) resolve()
        else
          reject(
            new EmbeddedDatabaseError(
              `The embedded PostgreSQL cannot start: initdb failed (${signal ?? `exit code ${code}`}): ${output.lastLine()}.`
            )
          )
      })
    })
  } finally {
    fs.rmSync(secretDir, { recursive: true, force: true })
  }
}

/** Runs the server until `stop()`, resolving once it accepts connections. */
export function startServer(options: {
  postgres: string
  dataDir: string
  port: number
  as: Identity
  log: (line: string) => void
}): Promise<RunningServer> {
  const child = spawn(options.postgres, ["-D", options.dataDir, "-p", String(options.port)], spawnOptions(options.as))
  let exited = false
  let markExited = () => undefined as void
  const exit = new Promise<void>((resolve) => {
    markExited = () => {
      exited = true
      resolve()
    }
  })
  // A binary that cannot be run gives 'error' and no 'exit'.
  child.once("exit", markExited)
  child.once("error", markExited)
  // A crash of this process must not leave the server running on its own.
  const stopOnExit = () => {
    if (!exited) child.kill("SIGINT")
  }
  process.on("exit", stopOnExit)

  const stop = async () => {
    process.off("exit", stopOnExit)
    // A Ctrl-C in the terminal reaches the server as well, which may be gone already.
    if (exited) return
    child.kill("SIGINT")
    const forced = setTimeout(() => child.kill("SIGQUIT"), STOP_GRACE_MS)
    await exit
    clearTimeout(forced)
  }

  return new Promise<RunningServer>((resolve, reject) => {
    const fail = (error: EmbeddedDatabaseError) => {
      clearTimeout(timer)
      void stop().then(() => reject(error))
    }
    const timer = setTimeout(
      () =>
        fail(
          new EmbeddedDatabaseError(
            `The embedded PostgreSQL cannot start: it did not accept connections within ${START_TIMEOUT_MS / 1000} s: ${output.lastLine()}.`
          )
        ),
      START_TIMEOUT_MS
    )
    const output = collectOutput(child, options.log, (line) => {
      if (line.includes(READY)) {
        clearTimeout(timer)
        resolve({ stop })
      }
    })
    child.on("error", (error) => fail(spawnFailure(options.postgres, error)))
    // 'close' rather than 'exit': the FATAL line may still be in the pipe when the process ends.
    child.on("close", (code, signal) => {
      fail(
        new EmbeddedDatabaseError(
          `The embedded PostgreSQL cannot start: it stopped (${signal ?? `exit code ${code}`}) before accepting connections: ${output.lastLine()}.`
        )
      )
    })
  })
}

/** Passes every line to `log` and keeps the one that best names the cause of a failure. */
function collectOutput(child: ChildProcess, log: (line: string) => void, onLine?: (line: string) => void) {
  let lastError: string | undefined
  let lastAny: string | undefined
  let pending = ""
  const take = (chunk: Buffer) => {
    pending += chunk.toString("utf8")
    const lines = pending.split("\n")
    pending = lines.pop() ?? ""
    for (const line of lines) {
      log(line)
      onLine?.(line)
      // "2026-01-01 10:00:00 UTC [42] FATAL:  lock file …" or "initdb: error: directory … exists".
      const error = /\b(?:FATAL|PANIC|ERROR|error):\s+(.*)$/.exec(line)
      if (error) lastError = error[1].trim()
      else if (line.trim()) lastAny = line.trim()
    }
  }
  child.stdout?.on("data", take)
  child.stderr?.on("data", take)
  return { lastLine: () => (lastError ?? lastAny ?? "it printed nothing").replace(/\.$/, "") }
}

function spawnFailure(file: string, error: NodeJS.ErrnoException): EmbeddedDatabaseError {
  return new EmbeddedDatabaseError(
    `The embedded PostgreSQL cannot start: ${file} could not be run (${error.code ?? error.message}); set DATABASE_URL to a PostgreSQL of your own.`
  )
}

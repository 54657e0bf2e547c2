/**
 * `npm start` from a checkout in a folder only its owner may enter (`mktemp -d`, a private
 * /root), as a newcomer would run it: with no DATABASE_URL, so on the embedded PostgreSQL. As
 * root (this project's CI) the postgres user that runs the server may not enter that folder.
 */
import { spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { findFreePort } from "./free-port"
import { processesMentioning, startNpmStart } from "./npm-start-process"
import { STATE_ROOT } from "./state-dir"

const ROOT = path.resolve(__dirname, "../../..")
const START_TIMEOUT_MS = 5 * 60_000
const asRoot = process.getuid?.() === 0
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m

/**
 * The checkout hard-linked into `<mktemp -d>/repo`: fast, and node_modules with the PostgreSQL
 * binaries really sits inside the new folder. `.data` is left behind but for the build stamps,
 * which stay valid as the links keep the mtimes, so no build runs.
 */
function copyCheckout(folderMode: number): { folder: string; repo: string } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "shopee-private-"))
  fs.chmodSync(folder, folderMode)
  const repo = path.join(folder, "repo")
  const copied = spawnSync("cp", ["-al", ROOT, repo], { encoding: "utf8" })
  if (copied.status !== 0) throw new Error(`cp -al failed: ${copied.stderr}`)
  fs.rmSync(path.join(repo, ".data"), { recursive: true, force: true })
  fs.mkdirSync(path.join(repo, ".data"))
  const stamps = path.join(ROOT, ".data/build-stamps.json")
  // A real copy: a build in the copy must not rewrite the checkout's stamps through a link.
  if (fs.existsSync(stamps)) fs.copyFileSync(stamps, path.join(repo, ".data/build-stamps.json"))
  return { folder, repo }
}

function launcherEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra }
  delete env.DATABASE_URL
  return env
}

describe("npm start from a folder only its owner may enter", () => {
  it(
    `starts on the embedded PostgreSQL${asRoot ? " as root" : ""}, answers /health, and Ctrl-C leaves no process behind`,
    async () => {
      const started = Date.now()
      const { folder, repo } = copyCheckout(0o700)
      const port = await findFreePort()
      const sandboxPort = await findFreePort()
      let clusterDir: string | undefined
      const launcher = await startNpmStart({
        cwd: repo,
        env: { PORT: String(port), SHOPEE_SANDBOX_PORT: String(sandboxPort) },
        logFile: path.join(folder, "npm-start.log"),
        timeoutMs: START_TIMEOUT_MS,
      })
      try {
        const dataLink = path.join(repo, ".data/postgres")
        if (asRoot) {
          // The postgres user may not enter the folder: the cluster lives where it may, linked from .data.
          expect(fs.lstatSync(dataLink).isSymbolicLink()).toBe(true)
          clusterDir = fs.readlinkSync(dataLink)
          expect(path.dirname(clusterDir)).toEqual(path.join(STATE_ROOT, "clusters"))
          expect(launcher.output()).toContain(`the cluster lives in ${clusterDir}`)
          expect(launcher.output()).toContain(`may not enter ${folder} (mode 700)`)
        } else {
          expect(fs.existsSync(path.join(dataLink, "PG_VERSION"))).toBe(true)
        }

        const health = await fetch(`http://localhost:${port}/health`)
        expect(health.status).toEqual(200)

        const { leftovers } = await launcher.stop()
        expect(leftovers).toEqual([])
        expect(await processesMentioning(folder)).toEqual([])
        if (clusterDir) expect(await processesMentioning(clusterDir)).toEqual([])
        expect(launcher.output()).not.toContain("Unhandled 'error' event")
        expect(launcher.output()).not.toContain("EACCES")
        expect(launcher.output()).not.toMatch(STACK_LINE)
        console.log(`mode-700 start to Ctrl-C: ${Math.round((Date.now() - started) / 1000)} s`)
      } finally {
        await launcher.stop()
        fs.rmSync(folder, { recursive: true, force: true })
        if (clusterDir) fs.rmSync(clusterDir, { recursive: true, force: true })
      }
    },
    START_TIMEOUT_MS + 120_000
  )

  it("names the cause in one sentence, without a stack trace, when the data folder is a file", async () => {
    const { folder, repo } = copyCheckout(0o700)
    try {
      fs.writeFileSync(path.join(repo, ".data/postgres"), "not a folder")
      const result = spawnSync(path.join(repo, "node_modules/.bin/tsx"), [path.join(repo, "apps/backend/scripts/start.ts")], {
        cwd: repo,
        env: launcherEnv({ PORT: String(await findFreePort()), SHOPEE_SANDBOX_PORT: String(await findFreePort()) }),
        encoding: "utf8",
        timeout: 60_000,
      })
      const output = `${result.stdout}${result.stderr}`
      expect(result.status).toEqual(1)
      expect(output).toContain(
        `[start] The embedded PostgreSQL cannot start: its data folder ${repo}/.data/postgres is a file; delete that file, or set DATABASE_URL to a PostgreSQL of your own.`
      )
      expect(output).not.toMatch(STACK_LINE)
    } finally {
      fs.rmSync(folder, { recursive: true, force: true })
    }
  }, 90_000)

  it("names the cause in one sentence, without a stack trace, for a user who may not write the data folder", async () => {
    // As root the launcher runs as nobody, from a folder nobody may enter but not write to.
    const { folder, repo } = copyCheckout(0o755)
    try {
      const dataDir = path.join(repo, ".data")
      if (!asRoot) fs.chmodSync(dataDir, 0o555)
      const tsx = path.join(repo, "node_modules/.bin/tsx")
      const start = path.join(repo, "apps/backend/scripts/start.ts")
      const [command, ...args] = asRoot ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", tsx, start] : [tsx, start]
      const result = spawnSync(command, args, {
        cwd: repo,
        env: launcherEnv({ PORT: String(await findFreePort()), SHOPEE_SANDBOX_PORT: String(await findFreePort()), HOME: "/tmp" }),
        encoding: "utf8",
        timeout: 60_000,
      })
      const output = `${result.stdout}${result.stderr}`
      expect(result.status).toEqual(1)
      const mode = asRoot ? "755" : "555"
      expect(output).toContain(`[start] The embedded PostgreSQL cannot start: you may not write to ${dataDir} (mode ${mode})`)
      expect(output).toContain("set DATABASE_URL to a PostgreSQL of your own, or put the project in a folder you may write to.")
      expect(output.split("\n").filter((line) => line.includes("cannot start"))).toHaveLength(1)
      expect(output).not.toMatch(STACK_LINE)
    } finally {
      fs.rmSync(folder, { recursive: true, force: true })
    }
  }, 90_000)
})

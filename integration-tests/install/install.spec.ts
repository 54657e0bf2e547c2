/**
 * The plugin as a merchant's developer gets it: both packages packed with `npm pack`, installed
 * into a fresh Medusa app (written from scratch, Medusa from the registry or npm's cache),
 * added to its medusa-config.ts, migrated, built and started with `medusa start`. Then the
 * admin's Shopee page loads in Chromium, a signed push is stored, the simulator's shop connects
 * through the admin, and an order is imported. Finally the plugin is removed from the config and
 * the store started again: it works, and the plugin's tables are still there.
 *
 * It runs once per Medusa version to prove (the lowest and the newest of the plugin's peer
 * range; once when they are the same release) and prints how long each step took. The newest
 * goes through the whole story, the lowest through its core (see `Story` in medusa-versions.ts);
 * the lowest's npm installs run while the newest's app builds and runs.
 */
import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import pg from "pg"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { startSandbox } from "@shopee-medusa/shopee-sandbox"
import { buildIfStale } from "../../apps/backend/scripts/build-if-stale"
import { ALL_TARGETS, BUILD_STAMP_FILE } from "../../apps/backend/scripts/build-targets"
import { ensureDatabase } from "../../apps/backend/scripts/database-url"
import { findFreePort } from "../../apps/backend/scripts/free-port"
import { CommandFailedError, run } from "../../apps/backend/scripts/run-command"
import { launchChromium } from "../../apps/backend/integration-tests/browser/harness/browser"
import { SANDBOX_PARTNER, SANDBOX_SHOP_ID, signPush } from "../../apps/backend/integration-tests/helpers/sandbox"
import { expectOk, logInAdminApi, type AdminApi } from "./admin-api"
import { writeFreshApp, writeMedusaConfig } from "./fresh-app"
import { startMedusa, type MedusaServer } from "./medusa-server"
import { medusaPeerRange, medusaVersionsToTest } from "./medusa-versions"
import { newestMedusaIn } from "./newest-medusa"
import { packPackages, type PackedPackage } from "./pack-packages"
import { setUpStoreForShopee, SHOPEE_SALES_CHANNEL } from "./store-setup"

const ROOT = path.resolve(__dirname, "../..")
const RESULTS = path.join(__dirname, "test-results")
const PLUGIN_MANIFEST = JSON.parse(fs.readFileSync(path.join(ROOT, "packages/medusa-plugin-shopee/package.json"), "utf8"))
const MEDUSA_RANGE = medusaPeerRange(PLUGIN_MANIFEST.peerDependencies)
const VERSIONS = medusaVersionsToTest(MEDUSA_RANGE, newestMedusaIn(MEDUSA_RANGE))

/** The variables a developer's shell has; nothing of jest's (NODE_ENV=test would turn production mode off). */
const SHELL_VARIABLES = ["PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LC_ALL", "TERM", "TMPDIR", "TZ", "CI", "npm_config_cache"]
const SHOP = {
  country_code: "sg",
  currency_code: "sgd",
  item: { item_name: "Charizard Holo", item_sku: "PKM-BS-004", price: 1250, stock: 3 },
}
const MINUTE = 60_000
/** The plugin's own tables and the link table between a Shopee order and its Medusa order. */
const PLUGIN_TABLES = [
  "shopee_profile",
  "shopee_raw_event",
  "shopee_order_sync",
  "connector_exception",
  "shopee_shopee_order_sync_order_order",
]

let packed: { client: PackedPackage; plugin: PackedPackage }
let browser: Browser
const timings: string[] = []
const installs = new Map<string, AppInstall>()
/**
 * Each app's folder (a hundred thousand files), removed with fs.promises.rm while the next app
 * runs and awaited at the end: on the shared 2-core machine it took 9 s where fs.rmSync took 214 s.
 */
const removals: Promise<void>[] = []

beforeAll(async () => {
  fs.mkdirSync(RESULTS, { recursive: true })
  // What gets packed is the build: build what is stale, with the stamps npm start and npm test use.
  const targets = ALL_TARGETS.filter((target) => target.name !== "backend")
  await timed("build the packages (when stale)", () => buildIfStale(targets, BUILD_STAMP_FILE, () => undefined))
  const packDir = fs.mkdtempSync(path.join(os.tmpdir(), "shopee-install-tarballs-"))
  packed = await timed("npm pack both packages", async () => packPackages(packDir))
  browser = await launchChromium()
}, 15 * MINUTE)

afterAll(async () => {
  await browser?.close()
  await timed("remove the apps' folders", () => Promise.all(removals))
  if (packed) fs.rmSync(path.dirname(packed.plugin.tarball), { recursive: true, force: true })
  process.stdout.write(`\n[install] timings (Medusa range ${MEDUSA_RANGE}):\n${timings.map((line) => `  ${line}`).join("\n")}\n`)
}, 10 * MINUTE)

it("packs what would be published: the builds, no tests, and the plugin pinned to the client's version", () => {
  expect(packed.plugin.files).toEqual(
    expect.arrayContaining([
      ".medusa/server/src/modules/shopee/index.js",
      ".medusa/server/src/admin/index.mjs",
      "README.md",
      "CHANGELOG.md",
    ])
  )
  expect(packed.plugin.files.some((file) => /migrations\/Migration\d+\.js$/.test(file))).toBe(true)
  expect(packed.client.files).toEqual(
    expect.arrayContaining(["dist/cjs/index.js", "dist/esm/index.js", "dist/types/index.d.ts", "README.md", "CHANGELOG.md"])
  )
  const everything = [...packed.plugin.files, ...packed.client.files]
  expect(everything.filter((file) => /\.(test|spec)\.|__tests__|\/src\/.*\.tsx?$/.test(file) && !file.endsWith(".d.ts"))).toEqual([])
  // recharts: the overview's charts, which the plugin's admin bundle imports rather than inlines.
  expect(PLUGIN_MANIFEST.dependencies).toEqual({ "@shopee-medusa/shopee-client": packed.client.version, recharts: "^3.10.1" })
})

it("has a CHANGELOG entry, with its date, for each packed version", () => {
  for (const [folder, version] of [
    ["medusa-plugin-shopee", packed.plugin.version],
    ["shopee-client", packed.client.version],
  ]) {
    const changelog = fs.readFileSync(path.join(ROOT, "packages", folder, "CHANGELOG.md"), "utf8")
    expect(changelog).toMatch(new RegExp(`^## \\[${version.replace(/\./g, "\\.")}\\] - \\d{4}-\\d{2}-\\d{2}$`, "m"))
  }
})

describe.each(VERSIONS)("in a fresh Medusa $version app ($covers, $story story)", ({ version, story }) => {
  const appDir = appDirOf(version)
  const databaseName = `shopee_install_${process.pid}_${crypto.randomBytes(3).toString("hex")}`
  const logFile = logFileOf(version)
  const next = VERSIONS[VERSIONS.findIndex((candidate) => candidate.version === version) + 1]
  const admin = { email: "admin@example.com", password: crypto.randomBytes(12).toString("hex") }
  let env: NodeJS.ProcessEnv
  let sandbox: Awaited<ReturnType<typeof startSandbox>>
  let server: MedusaServer | undefined
  let api: AdminApi
  let session: BrowserContext
  let orderSn: string
  let importedOrderId: string
  let failed = false

  /** A step of the story: skipped work fails fast once an earlier step failed, and every step is timed. */
  const step = (name: string, timeoutMs: number, body: () => Promise<void>) =>
    it(
      name,
      async () => {
        if (failed) throw new Error("an earlier step failed")
        try {
          await timed(`${version} · ${name}`, body)
        } catch (error) {
          failed = true
          throw error
        }
      },
      timeoutMs
    )

  const inApp = (command: string[]) => runInApp(appDir, logFile, env, command)

  const start = async () => {
    server = await startMedusa({ appDir, env, port: Number(new URL(env.SHOPEE_PUBLIC_URL!).port), logFile })
    api = await logInAdminApi(server.url, admin)
  }

  beforeAll(async () => {
    const port = await findFreePort()
    const medusaUrl = `http://localhost:${port}`
    sandbox = await startSandbox({
      partners: [{ ...SANDBOX_PARTNER, callback_url: `${medusaUrl}/connectors/shopee/webhook/sandbox` }],
      shops: [{ shop_id: SANDBOX_SHOP_ID, region: SHOP.country_code.toUpperCase(), items: [SHOP.item] }],
      pushSchedule: [100, 200],
    })
    const databaseUrl = testDatabaseUrl(databaseName)
    await ensureDatabase(databaseUrl)
    env = {
      ...shellEnv(),
      MEDUSA_DISABLE_TELEMETRY: "true",
      DATABASE_URL: databaseUrl,
      STORE_CORS: "http://localhost:8000",
      ADMIN_CORS: medusaUrl,
      AUTH_CORS: medusaUrl,
      JWT_SECRET: crypto.randomBytes(32).toString("hex"),
      COOKIE_SECRET: crypto.randomBytes(32).toString("hex"),
      SHOPEE_ENCRYPTION_KEY: crypto.randomBytes(32).toString("hex"),
      SHOPEE_PUBLIC_URL: medusaUrl,
      // The simulator stands in for Shopee's hosts; the server must allow it (the admin cannot).
      SHOPEE_ALLOWED_API_BASE_URLS: sandbox.url,
    }
  }, 2 * MINUTE)

  afterAll(async () => {
    await session?.close()
    await server?.stop()
    await sandbox?.close()
    if (env) await dropDatabase(env.DATABASE_URL!)
    removals.push(fs.promises.rm(appDir, { recursive: true, force: true }))
  }, 2 * MINUTE)

  step(`creates the app and installs Medusa ${version} with npm install`, 20 * MINUTE, async () => {
    await installApp(version).medusa
    expect(installedVersion(appDir, "@medusajs/medusa")).toBe(version)
  })

  step("installs the two tarballs, the plugin's peers satisfied and the client installed once", 5 * MINUTE, async () => {
    await installApp(version).tarballs
    // The next version's app installs while this one migrates, builds and runs.
    if (next) installApp(next.version)
    expect(installedVersion(appDir, "medusa-plugin-shopee")).toBe(packed.plugin.version)
    const client = JSON.parse(fs.readFileSync(path.join(appDir, "node_modules/@shopee-medusa/shopee-client/package.json"), "utf8"))
    expect(client.dependencies).toBeUndefined()
    expect(fs.existsSync(path.join(appDir, "node_modules/medusa-plugin-shopee/node_modules"))).toBe(false)
    // Exits non-zero on an unmet or invalid peer dependency.
    await inApp(["npm", "ls", "medusa-plugin-shopee", "@medusajs/medusa", "@medusajs/framework", "@medusajs/ui"])
  })

  if (story === "whole")
    step("the client loads through require and import, and its types check under Node16 resolution", 3 * MINUTE, async () => {
      const checks = path.join(appDir, "client-checks")
      fs.mkdirSync(checks)
      const source = `verifyPush({ url: "https://shop.example/push", rawBody: "{}", authorization: undefined, pushPartnerKey: "key" })`
      fs.writeFileSync(
        path.join(checks, "required.cts"),
        `import { verifyPush } from "@shopee-medusa/shopee-client"\nconst ok: boolean = ${source}\nexport = ok\n`
      )
      fs.writeFileSync(
        path.join(checks, "imported.mts"),
        `import { verifyPush } from "@shopee-medusa/shopee-client"\nimport { ORDER_STATUSES } from "@shopee-medusa/shopee-client/vocabulary"\nexport const ok: boolean = ${source}\nexport const statuses: readonly string[] = ORDER_STATUSES\n`
      )
      await inApp([
        "tsc",
        "--noEmit",
        "--strict",
        "--module",
        "node16",
        "--moduleResolution",
        "node16",
        "--types",
        "node",
        "client-checks/required.cts",
        "client-checks/imported.mts",
      ])
      const required = await inApp(["node", "-e", `process.stdout.write(typeof require("@shopee-medusa/shopee-client").verifyPush)`])
      const imported = await inApp([
        "node",
        "--input-type=module",
        "-e",
        `import { ORDER_STATUSES } from "@shopee-medusa/shopee-client/vocabulary"; process.stdout.write(String(ORDER_STATUSES.length > 0))`,
      ])
      expect([required.trim(), imported.trim()]).toEqual(["function", "true"])
    })

  step("adds the plugin to medusa-config.ts and migrates: the plugin's tables are created", 10 * MINUTE, async () => {
    writeMedusaConfig(appDir, { withPlugin: true })
    await inApp(["medusa", "db:migrate"])
    expect(await shopeeTables(env.DATABASE_URL!)).toEqual(expect.arrayContaining(PLUGIN_TABLES))
  })

  step("builds with medusa build and starts with medusa start", 15 * MINUTE, async () => {
    await inApp(["medusa", "user", "-e", admin.email, "-p", admin.password])
    await inApp(["medusa", "build"])
    await start()
  })

  step("the admin's Shopee page loads in a browser, with the URLs to register at Shopee", 3 * MINUTE, async () => {
    session = await logInThroughLoginPage(browser, server!.url, admin)
    await onPage(session, `${server!.url}/app/shopee?env=sandbox`, "shopee-page", async (page) => {
      await page.getByRole("heading", { name: "Profile “Default”" }).waitFor()
      await page.getByText(`${server!.url}/connectors/shopee/webhook/sandbox`).first().waitFor()
      await page.getByText(`${server!.url}/connectors/shopee/oauth/callback/sandbox`).first().waitFor()
    })
  })

  step("a push signed with the profile's push partner key is stored as verified", 2 * MINUTE, async () => {
    await expectOk(api, "PATCH", "/admin/shopee/credentials?env=sandbox", {
      ...SANDBOX_PARTNER,
      shop_id: SANDBOX_SHOP_ID,
      api_base_url: sandbox.url,
    })
    const pushUrl = `${server!.url}/connectors/shopee/webhook/sandbox`
    const body = JSON.stringify({
      data: { type: "message", content: { message_id: "install-test" } },
      shop_id: SANDBOX_SHOP_ID,
      code: 10,
      timestamp: Math.floor(Date.now() / 1000),
    })
    const answer = await fetch(pushUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: signPush(pushUrl, body) },
      body,
    })
    expect(answer.status).toBe(200)
    const { events } = await expectOk(api, "GET", "/admin/shopee/events?env=sandbox&code=10")
    expect(events).toEqual([expect.objectContaining({ code: 10, signature_ok: true })])
  })

  step("the simulator's shop connects through the admin's Connect button", 3 * MINUTE, async () => {
    await onPage(session, `${server!.url}/app/shopee?env=sandbox`, "shop-connected", async (page) => {
      await page.getByRole("button", { name: "Connect", exact: true }).click()
      // The simulator's authorization page, standing in for Shopee's.
      await page.getByRole("button", { name: "Confirm authorization" }).click()
      await page.getByText("Shop connected").waitFor()
      await page
        .getByTestId("token-state")
        .getByText(/^Connected, expires in/)
        .waitFor()
    })
  })

  step("an order pushed before the store is set up is held, naming what is missing (its SKU, first)", 2 * MINUTE, async () => {
    const [item] = await simulator<{ item_id: number }[]>(sandbox.url, "GET", `/_control/items?shop_id=${SANDBOX_SHOP_ID}`)
    const order = await simulator<{ order_sn: string }>(sandbox.url, "POST", "/_control/orders", {
      shop_id: SANDBOX_SHOP_ID,
      items: [{ item_id: item.item_id, quantity: 1 }],
      status: "READY_TO_SHIP",
    })
    orderSn = order.order_sn
    const held = await poll(async () => {
      const { exceptions } = await expectOk(api, "GET", "/admin/shopee/exceptions?env=sandbox")
      return exceptions.find((exception: { payload_ref: string }) => exception.payload_ref === orderSn)
    })
    expect(held).toMatchObject({ kind: "unknown_sku" })
    expect(held.message).toContain(`no Medusa variant matches SKU ${SHOP.item.item_sku}`)
  })

  step("once the store has what the plugin needs, Retry imports the order into Medusa", 2 * MINUTE, async () => {
    await setUpStoreForShopee(api, SHOP, {
      title: SHOP.item.item_name,
      sku: SHOP.item.item_sku,
      price: SHOP.item.price,
      stock: SHOP.item.stock,
    })
    const { exceptions } = await expectOk(api, "GET", "/admin/shopee/exceptions?env=sandbox")
    const held = exceptions.find((exception: { payload_ref: string }) => exception.payload_ref === orderSn)
    const { outcome } = await expectOk(api, "POST", `/admin/shopee/exceptions/${held.id}/retry`)
    expect(outcome).toMatchObject({ status: "done" })
    const { orders } = await expectOk(api, "GET", `/admin/shopee/orders?env=sandbox&q=${orderSn}`)
    importedOrderId = orders[0].order.id
    const { order } = await expectOk(api, "GET", `/admin/orders/${importedOrderId}?fields=metadata,sales_channel.name,items.variant_sku`)
    expect(order).toMatchObject({
      metadata: { shopee_order_sn: orderSn },
      sales_channel: { name: SHOPEE_SALES_CHANNEL },
      items: [{ variant_sku: SHOP.item.item_sku }],
    })
  })

  if (story === "whole") {
    step("removed from medusa-config.ts, then migrated, rebuilt and started again", 15 * MINUTE, async () => {
      await session.close()
      await server!.stop()
      server = undefined
      writeMedusaConfig(appDir, { withPlugin: false })
      // Without the flag, db:migrate asks on the terminal whether to DELETE the plugin's link table
      // (and waits forever without one); the README tells the merchant to keep it this way.
      await inApp(["medusa", "db:migrate", "--execute-safe-links"])
      await inApp(["medusa", "build"])
      await start()
    })

    step("without the plugin the store works: its orders remain, the plugin's routes are gone, its tables stay", 3 * MINUTE, async () => {
      const { order } = await expectOk(api, "GET", `/admin/orders/${importedOrderId}?fields=metadata`)
      expect(order.metadata.shopee_order_sn).toBe(orderSn)
      expect((await api("GET", "/admin/shopee/credentials?env=sandbox")).status).toBe(404)
      expect((await fetch(`${server!.url}/connectors/shopee/webhook/sandbox`, { method: "POST", body: "{}" })).status).toBe(404)
      expect(await shopeeTables(env.DATABASE_URL!)).toEqual(expect.arrayContaining(PLUGIN_TABLES))
      const synced = await withDatabase(env.DATABASE_URL!, (client) =>
        client.query("SELECT order_sn FROM shopee_order_sync WHERE order_sn = $1", [orderSn])
      )
      expect(synced.rowCount).toBe(1)
      session = await logInThroughLoginPage(browser, server!.url, admin)
      await onPage(session, `${server!.url}/app/orders/${importedOrderId}`, "order-without-plugin", async (page) => {
        await page.getByText(SHOP.item.item_name).first().waitFor()
        expect(await page.getByRole("link", { name: "Shopee", exact: true }).count()).toBe(0)
      })
    })
  }
})

/** Where a version's app is written, and the log of its commands. */
function appDirOf(version: string): string {
  return path.join(os.tmpdir(), `shopee-install-app-${process.pid}-${version}`)
}

function logFileOf(version: string): string {
  return path.join(RESULTS, `medusa-${version}.log`)
}

/** The environment of a developer's shell. */
function shellEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(SHELL_VARIABLES.filter((name) => process.env[name] !== undefined).map((name) => [name, process.env[name]]))
}

/** A command in an app, its output appended to the app's log and shown when it fails. */
async function runInApp(appDir: string, logFile: string, env: NodeJS.ProcessEnv, command: string[]): Promise<string> {
  const [file, ...args] = command
  const bin = file === "npm" || file === "node" ? file : path.join(appDir, "node_modules/.bin", file)
  try {
    const output = await run([bin, ...args], { cwd: appDir, env })
    fs.appendFileSync(logFile, `\n$ ${command.join(" ")}\n${output}`)
    return output
  } catch (error) {
    if (!(error instanceof CommandFailedError)) throw error
    fs.appendFileSync(logFile, `\n$ ${command.join(" ")}\n${error.output}`)
    throw new Error(`${command.join(" ")} exited with ${error.exitCode}:\n${error.output.slice(-3000)}`)
  }
}

/** A version's app written from scratch and its two npm installs: Medusa, then the two tarballs. */
type AppInstall = { medusa: Promise<void>; tarballs: Promise<void> }

/**
 * Starts a version's installs once, when its steps ask for them or when the app before it has
 * finished its own, so that they run while the current app migrates and builds. npm spends much
 * of an install waiting on the disk, and on a cold cache all of a download waiting on the
 * network; on a busy machine the overlap gains little, as the build then shares the CPU with
 * npm's unpacking. A failure is reported by the step that awaits it, not as an unhandled
 * rejection while another version's steps run.
 */
function installApp(version: string): AppInstall {
  const started = installs.get(version)
  if (started) return started
  const appDir = appDirOf(version)
  const logFile = logFileOf(version)
  const npmInstall = (...tarballs: string[]) =>
    runInApp(appDir, logFile, shellEnv(), ["npm", "install", "--prefer-offline", "--no-audit", "--no-fund", ...tarballs]).then(
      () => undefined
    )
  fs.rmSync(appDir, { recursive: true, force: true })
  fs.writeFileSync(logFile, "")
  writeFreshApp(appDir, version)
  const medusa = npmInstall()
  const tarballs = medusa.then(() => npmInstall(packed.client.tarball, packed.plugin.tarball))
  const install = { medusa, tarballs }
  for (const promise of [medusa, tarballs]) promise.catch(() => undefined)
  installs.set(version, install)
  return install
}

async function timed<T>(name: string, body: () => Promise<T>): Promise<T> {
  const started = Date.now()
  try {
    return await body()
  } finally {
    const line = `${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${name}`
    timings.push(line)
    process.stdout.write(`[install] ${line}\n`)
  }
}

function installedVersion(appDir: string, name: string): string {
  return JSON.parse(fs.readFileSync(path.join(appDir, "node_modules", name, "package.json"), "utf8")).version
}

/** A database on the test PostgreSQL (DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD, as npm test sets them). */
function testDatabaseUrl(name: string): string {
  const url = new URL("postgres://localhost")
  url.hostname = process.env.DB_HOST || "localhost"
  url.port = process.env.DB_PORT || "5432"
  url.username = process.env.DB_USERNAME || "postgres"
  url.password = process.env.DB_PASSWORD ?? ""
  url.pathname = `/${name}`
  return url.toString()
}

async function withDatabase<T>(databaseUrl: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return await body(client)
  } finally {
    await client.end()
  }
}

async function shopeeTables(databaseUrl: string): Promise<string[]> {
  return withDatabase(databaseUrl, async (client) => {
    const { rows } = await client.query(
      "SELECT tablename FROM pg_tables WHERE tablename LIKE 'shopee%' OR tablename = 'connector_exception'"
    )
    return rows.map((row) => row.tablename as string)
  })
}

async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl)
  const name = url.pathname.slice(1)
  url.pathname = "/postgres"
  await withDatabase(url.toString(), (client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`))
}

/**
 * Logs in through the admin's login page. `medusa start` runs in production mode, where the
 * session cookie is Secure and is only set over https: the browser sends the header a TLS
 * proxy in front of the store would (Medusa trusts one proxy hop), as a deployment has it.
 */
async function logInThroughLoginPage(browser: Browser, url: string, admin: { email: string; password: string }): Promise<BrowserContext> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-proto": "https" }, viewport: { width: 1440, height: 1000 } })
  context.setDefaultTimeout(30_000)
  await onPage(context, `${url}/app/login`, "login", async (page) => {
    await page.getByPlaceholder("Email").fill(admin.email)
    await page.getByPlaceholder("Password").fill(admin.password)
    await page.getByRole("button", { name: "Continue with Email" }).click()
    await page.waitForURL((current) => !current.pathname.startsWith("/app/login"))
  })
  return context
}

/** A page of the session; a screenshot of how it ended up is kept in test-results/. */
async function onPage(context: BrowserContext, url: string, name: string, body: (page: Page) => Promise<void>): Promise<void> {
  const page = await context.newPage()
  try {
    await page.goto(url)
    await body(page)
    await page.screenshot({ path: path.join(RESULTS, `${name}.png`) })
  } catch (error) {
    await page.screenshot({ path: path.join(RESULTS, `FAILED-${name}.png`) }).catch(() => undefined)
    throw error
  } finally {
    await page.close()
  }
}

async function simulator<T>(url: string, method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`simulator ${method} ${route}: ${response.status} ${text}`)
  return JSON.parse(text) as T
}

/** Polls until `read` returns something, for work Medusa does in the background after a push. */
async function poll<T>(read: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`nothing after ${timeoutMs / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

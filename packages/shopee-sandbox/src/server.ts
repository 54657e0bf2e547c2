import type { PushHealthRule } from "./push-health.js"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { handleApiRequest, type HangingResponses } from "./api-handler.js"
import { SandboxClock, type ClockSource } from "./clock.js"
import { handleConsoleRequest } from "./console/console-handler.js"
import { handleControlRequest } from "./control/control-handler.js"
import type { FaultInput } from "./faults.js"
import { redirect, sendJson } from "./http-io.js"
import { PUSH_TIMEOUT_MS, SHOPEE_PUSH_SCHEDULE_MS } from "./lifetimes.js"
import { emptyState } from "./model.js"
import { Sandbox } from "./sandbox.js"
import { applySeed, type SeedData } from "./seed.js"
import { loadState, saveState } from "./state-file.js"

export interface SandboxOptions extends SeedData {
  /** 0 (the default) picks a free port. */
  port?: number
  /** Defaults to 127.0.0.1. */
  host?: string
  /** Delays (ms) before each push retry; defaults to Shopee's 5 min, 30 min, 3 h. */
  pushSchedule?: number[]
  /** How long a push callback may take before the attempt counts as failed; default 3000 ms. */
  pushTimeoutMs?: number
  /** When a partner's push subscription warns and is disabled; defaults to Shopee's (600 pushes in 6 h under 30 %). */
  pushHealthRule?: PushHealthRule
  /** Milliseconds since the epoch; defaults to Date.now. */
  clock?: ClockSource
  /** Load state from this JSON file when it exists (the seed is then ignored) and save every change to it. */
  stateFile?: string
  /** Faults active from the start. */
  faults?: FaultInput[]
  /** get_item_list refuses offsets at or beyond this (default 10000; Shopee's cap is undocumented). */
  itemListOffsetLimit?: number
}

export interface RunningSandbox {
  /** `http://host:port`, without a trailing slash. */
  url: string
  port: number
  host: string
  /** The simulator itself, for in-process tests that want to look or act directly. */
  sandbox: Sandbox
  /** Moves the sandbox's clock forward (on top of the injected `clock`). */
  advanceClock(ms: number): void
  /** Resolves when no push is in flight or waiting for a retry. */
  whenPushesIdle(): Promise<void>
  close(): Promise<void>
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const clock = new SandboxClock(options.clock)
  const saved = options.stateFile ? loadState(options.stateFile) : undefined
  const state = saved ?? emptyState()

  let saveScheduled = false
  const persist = () => {
    if (options.stateFile) saveState(options.stateFile, state)
  }
  const changed = () => {
    if (!options.stateFile || saveScheduled) return
    saveScheduled = true
    setImmediate(() => {
      saveScheduled = false
      persist()
    })
  }

  const sandbox = new Sandbox(
    state,
    clock,
    {
      schedule: options.pushSchedule ?? SHOPEE_PUSH_SCHEDULE_MS,
      timeoutMs: options.pushTimeoutMs ?? PUSH_TIMEOUT_MS,
      healthRule: options.pushHealthRule,
    },
    changed,
    options.itemListOffsetLimit !== undefined ? { item_list_offset_limit: options.itemListOffsetLimit } : {}
  )
  const seed: SeedData = { partners: options.partners, merchants: options.merchants, shops: options.shops }
  if (!saved) applySeed(sandbox, seed)
  for (const fault of options.faults ?? []) sandbox.faults.add(fault)

  const reset = () => {
    sandbox.replaceState(emptyState())
    applySeed(sandbox, seed)
    sandbox.faults.clear()
    sandbox.resetBehaviour()
    sandbox.requestLog.clear()
    changed()
  }

  const hanging: HangingResponses = new Set()
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://sandbox.invalid")
    if (url.pathname.startsWith("/api/")) return handleApiRequest(sandbox, req, res, url, hanging)
    if (url.pathname.startsWith("/_control/")) return handleControlRequest(sandbox, req, res, url, reset)
    if (url.pathname === "/console" || url.pathname.startsWith("/console/")) return handleConsoleRequest(sandbox, req, res, url)
    if (url.pathname === "/") return redirect(res, 302, "/console")
    sendJson(res, 404, { error: "not_found", message: `nothing at ${url.pathname}` })
  }
  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      console.error("shopee-sandbox: unexpected error", err)
      if (!res.headersSent) sendJson(res, 500, { error: "internal", message: "unexpected sandbox error" })
      else res.destroy()
    })
  })

  const host = options.host ?? "127.0.0.1"
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  persist()

  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    host,
    sandbox,
    advanceClock: (ms) => clock.advance(ms),
    whenPushesIdle: () => sandbox.pushes.whenIdle(),
    close: async () => {
      sandbox.pushes.close()
      for (const res of hanging) res.destroy()
      hanging.clear()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      persist()
    },
  }
}

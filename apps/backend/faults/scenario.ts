/**
 * The contract between the fault suite's runner (`run-faults.ts`, which starts the stack and prints the
 * table) and its scenarios (`scenarios/*.ts`, one file each). A scenario gets the running stack, does its
 * bounded work against loopback only, and returns one line of figures; it never prints the table itself.
 */

/** An HTTP exchange a scenario made, kept so that the secret scan can read every response of the run. */
export type RecordedFetch = (input: string, init?: RequestInit) => Promise<Response>

export type FaultStack = {
  /** A Medusa server process of the stack (the app `npm start` runs), e.g. `http://127.0.0.1:9000`. */
  medusaUrl: string
  /** The Shopee simulator the stack's sandbox profile talks to. */
  sandboxUrl: string
  /** The stack's database, for checking what was stored. */
  databaseUrl: string
  /** Headers of an admin session (`Authorization: Bearer …`) for admin routes. */
  adminHeaders: Record<string, string>
  /** A store publishable key of the stack, for the "store credentials are refused on admin routes" probe. */
  publishableKey: string
  /** The public webhook URL of the sandbox environment (pushes are signed with the profile's push partner key). */
  pushUrl: string
  /** fetch that records the response body for the final secret scan; use it for every request. */
  fetch: RecordedFetch
  /** Every configured secret and token in plain text (partner keys, access and refresh tokens), read now. */
  plainSecrets: () => Promise<string[]>
  /** Runs a command in the backend folder (e.g. the rotation CLI), its output added to the run's log. */
  backendDir: string
  env: NodeJS.ProcessEnv
  /** Every response `fetch` recorded so far (its request as `METHOD url`, and its body), for the secret scan. */
  recordedResponses: () => RecordedResponse[]
  /** Every line the run's processes printed so far (both stacks: Medusa server and worker, migrations, seed, PostgreSQL, Redis), for the secret scan. */
  logText: () => string
  /** Appends a command's output (or any text a scenario produced) to the run's log, so the secret scan reads it too. */
  addLog: (source: string, text: string) => void
  /** The simulator in this process (`sandboxUrl`'s server): its pushes, request log and faults, read directly. */
  sandbox: import("@shopee-medusa/shopee-sandbox").Sandbox
  /** The Medusa worker process (jobs, subscribers, workflows): SIGKILL it, and start it again (resolves once it answers /health). */
  worker: { kill: () => Promise<void>; start: () => Promise<void> }
  /**
   * Stops PostgreSQL, waits `downMs`, starts it again; resolves with when it had stopped and when it
   * accepted connections again (ms since the epoch). Only on the scratch cluster the suite starts
   * itself, never on a shared server.
   */
  restartDatabase?: (downMs: number) => Promise<{ downAt: number; upAt: number }>
  /** Which stack this is, for the table: `redis` when Medusa runs on Redis (event bus, workflow engine, locks, cache). */
  label: string
  /** How many orders an order scenario moves (`--orders=N`). */
  orders: number
}

export type RecordedResponse = { request: string; status: number; body: string }

export type ScenarioResult = {
  /** One short name, the table's first column. */
  name: string
  ok: boolean
  /** The figures the scenario measured, printed in order as `key=value`. */
  figures: Record<string, number | string>
  /** Why it failed, one line each; empty when ok. */
  problems: string[]
}

export type Scenario = (stack: FaultStack) => Promise<ScenarioResult>

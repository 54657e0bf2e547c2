/**
 * The topology flags of `npm start` (after `--`):
 *   --servers=N  N HTTP server processes on the one PORT (Medusa's cluster mode; at most one per core)
 *   --worker     a separate worker process for subscribers, workflows and scheduled jobs
 * Several servers always come with a worker: a shared process per server would run every
 * scheduled job N times. Without flags: one process, as before.
 */
export type StartOptions = { servers: number; worker: boolean }

export class StartOptionError extends Error {}

export function parseStartOptions(argv: string[], cores: number): StartOptions {
  let servers = 1
  let worker = false
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]
    const [flag, inline] = arg.split(/=(.*)/s, 2)
    if (flag === "--worker" && inline === undefined) {
      worker = true
    } else if (flag === "--servers") {
      const value = inline ?? argv[++index]
      servers = Number(value)
      if (value === undefined || !/^\d+$/.test(value) || servers < 1) {
        throw new StartOptionError(`--servers must be a whole number of server processes, 1 or more (got "${value ?? ""}")`)
      }
      if (servers > cores) {
        throw new StartOptionError(
          `--servers=${servers} exceeds the ${cores} cores of this machine: Medusa's cluster mode starts at most one server per core`
        )
      }
    } else {
      throw new StartOptionError(`Unknown option "${arg}": npm start takes --servers=N, --worker or --instances sandbox,live`)
    }
  }
  return { servers, worker: worker || servers > 1 }
}

/** One Medusa process to spawn: its `medusa` arguments, what it adds to the environment, and its niceness. */
export type MedusaProcess = { name: string; args: string[]; env: Record<string, string>; nice: number }

/**
 * The worker's niceness: on a machine whose cores the servers and the worker share, an import at
 * full speed in the worker would take the CPU the servers need to answer Shopee's pushes within
 * its 3 s (and a subscription that fails too often is suspended). Niced, the worker gets what
 * the servers leave: it catches up after a burst, the acknowledgements never wait for it.
 */
export const WORKER_NICE = 10

/** The command that starts a process at its niceness: `nice -n N medusa …` where POSIX `nice` exists. */
export function spawnCommand(process: MedusaProcess, medusaBin: string, platform: string): { command: string; args: string[] } {
  if (process.nice === 0 || platform === "win32") return { command: medusaBin, args: process.args }
  return { command: "nice", args: ["-n", String(process.nice), medusaBin, ...process.args] }
}

/**
 * The processes for a topology. The servers share PORT (N > 1 through `medusa start --cluster`); the worker answers only /health, on `workerPort`.
 */
export function medusaProcesses(options: StartOptions, workerPort: number): MedusaProcess[] {
  if (!options.worker) return [{ name: "Medusa", args: ["start"], env: {}, nice: 0 }]
  const servers: MedusaProcess =
    options.servers > 1
      ? {
          name: `Medusa servers (${options.servers})`,
          args: ["start", "--cluster", String(options.servers), "--servers", String(options.servers)],
          // Medusa messages each fork its mode, but the config can be read before the message arrives: inherited instead.
          env: { MEDUSA_WORKER_MODE: "server" },
          nice: 0,
        }
      : { name: "Medusa server", args: ["start"], env: { MEDUSA_WORKER_MODE: "server" }, nice: 0 }
  return [
    servers,
    { name: "Medusa worker", args: ["start"], env: { MEDUSA_WORKER_MODE: "worker", PORT: String(workerPort) }, nice: WORKER_NICE },
  ]
}

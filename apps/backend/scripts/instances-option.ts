/**
 * `npm start -- --instances sandbox,live`: which instances to start and what each one gets
 * (port, simulator port, database, Redis, public URL, the other instance's URL). Pure: it reads
 * the argument list and the environment it is given, so every rule below has a unit test.
 */

export type InstanceEnvironment = "sandbox" | "live"

export type InstancePlan = {
  environment: InstanceEnvironment
  port: number
  simulatorPort: number
  /** Where Medusa answers on this machine. */
  url: string
  /** Where Shopee (here the simulator) and the other instance's admin reach it. */
  publicUrl: string
  /** A database URL given by the user; absent means a database of the embedded PostgreSQL. */
  databaseUrl?: string
  /** The database's name inside the embedded PostgreSQL (used when databaseUrl is absent). */
  embeddedDatabaseName: string
  redisUrl?: string
  /** The other instance's public URL, for the admin's switcher; absent when only one instance starts. */
  otherInstanceUrl?: string
}

export class InstancesOptionError extends Error {}

const ENVIRONMENTS: readonly InstanceEnvironment[] = ["sandbox", "live"]

/**
 * Each environment has a fixed place from the base ports, whatever the order on the command
 * line, so a bookmark of the live admin stays right: sandbox on PORT (default 9000), live on
 * PORT+1; their simulators on SHOPEE_SANDBOX_PORT (default 9100) and SHOPEE_SANDBOX_PORT+1.
 */
const PORT_OFFSET: Record<InstanceEnvironment, number> = { sandbox: 0, live: 1 }

/** Settings that must differ between instances: a shared one is refused, `<ENV>_<NAME>` sets one instance's. */
export const PER_INSTANCE_VARIABLES = ["DATABASE_URL", "REDIS_URL", "SHOPEE_PUBLIC_URL"] as const

const EMBEDDED_DATABASE_PREFIX = "medusa_shopee"

/** The environments `--instances` names, or null when the argument is absent (a plain `npm start`). */
export function instancesArgument(argv: readonly string[]): InstanceEnvironment[] | null {
  let value: string | undefined
  let found = false
  argv.forEach((argument, index) => {
    if (argument === "--instances") {
      found = true
      value = argv[index + 1]
    } else if (argument.startsWith("--instances=")) {
      found = true
      value = argument.slice("--instances=".length)
    }
  })
  if (!found) return null
  const names = (value ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean)
  if (names.length === 0) {
    throw new InstancesOptionError('--instances needs a list of environments, e.g. "--instances sandbox,live"')
  }
  const unknown = names.filter((name) => !ENVIRONMENTS.includes(name as InstanceEnvironment))
  if (unknown.length > 0) {
    throw new InstancesOptionError(`--instances accepts sandbox and live (got "${unknown.join(", ")}")`)
  }
  if (new Set(names).size !== names.length) {
    throw new InstancesOptionError(`--instances names an environment twice ("${value}"); each instance serves a different one`)
  }
  return names as InstanceEnvironment[]
}

export function planInstances(environments: readonly InstanceEnvironment[], env: NodeJS.ProcessEnv): InstancePlan[] {
  const basePort = portFrom(env, "PORT", 9000)
  const baseSimulatorPort = portFrom(env, "SHOPEE_SANDBOX_PORT", 9100)
  if (environments.length > 1) {
    for (const name of ["REDIS_URL", "SHOPEE_PUBLIC_URL"] as const) {
      if (env[name]) {
        throw new InstancesOptionError(
          `${name} would be shared by both instances; set ${environments.map((environment) => perInstanceName(environment, name)).join(" and ")} instead`
        )
      }
    }
  }
  const plans = environments.map((environment): InstancePlan => {
    const port = basePort + PORT_OFFSET[environment]
    const simulatorPort = baseSimulatorPort + PORT_OFFSET[environment]
    for (const [name, value] of [
      ["PORT", port],
      ["SHOPEE_SANDBOX_PORT", simulatorPort],
    ] as const) {
      if (value > 65535) throw new InstancesOptionError(`${name} leaves no port for the ${environment} instance (${value} > 65535)`)
    }
    const url = `http://localhost:${port}`
    const own = (name: (typeof PER_INSTANCE_VARIABLES)[number]) => env[perInstanceName(environment, name)] || undefined
    return {
      environment,
      port,
      simulatorPort,
      url,
      publicUrl: own("SHOPEE_PUBLIC_URL") ?? (environments.length === 1 ? env.SHOPEE_PUBLIC_URL : undefined) ?? url,
      databaseUrl: own("DATABASE_URL") ?? (env.DATABASE_URL ? withDatabaseSuffix(env.DATABASE_URL, environment) : undefined),
      embeddedDatabaseName: `${EMBEDDED_DATABASE_PREFIX}_${environment}`,
      redisUrl: own("REDIS_URL") ?? (environments.length === 1 ? env.REDIS_URL || undefined : undefined),
    }
  })
  for (const name of ["databaseUrl", "redisUrl"] as const) {
    const values = plans.map((plan) => plan[name]).filter(Boolean)
    if (new Set(values).size !== values.length) {
      throw new InstancesOptionError(`The instances would share one ${name === "databaseUrl" ? "database" : "Redis"}; give each its own`)
    }
  }
  return plans.map((plan) => ({
    ...plan,
    otherInstanceUrl: plans.find((other) => other.environment !== plan.environment)?.publicUrl,
  }))
}

/** SANDBOX_DATABASE_URL, LIVE_REDIS_URL, … */
export function perInstanceName(environment: InstanceEnvironment, name: string): string {
  return `${environment.toUpperCase()}_${name}`
}

/** The same server, the database name followed by `_sandbox` / `_live`: one DATABASE_URL serves both instances. */
export function withDatabaseSuffix(databaseUrl: string, environment: InstanceEnvironment): string {
  let url: URL
  try {
    url = new URL(databaseUrl)
  } catch {
    throw new InstancesOptionError("DATABASE_URL is not a URL")
  }
  const name = decodeURIComponent(url.pathname.replace(/^\//, ""))
  if (!name) throw new InstancesOptionError("DATABASE_URL names no database")
  url.pathname = `/${encodeURIComponent(`${name}_${environment}`)}`
  return url.toString()
}

function portFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  const port = raw === undefined || raw === "" ? fallback : Number(raw)
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new InstancesOptionError(`${name} must be a port number (got "${raw}")`)
  }
  return port
}

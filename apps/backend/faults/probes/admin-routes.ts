import fs from "node:fs"
import path from "node:path"

/** The HTTP methods a Medusa route file may export a handler for. */
export const ROUTE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"] as const
export type RouteMethod = (typeof ROUTE_METHODS)[number]

const ROUTE_FILE = /^route\.[cm]?[jt]s$/

export type DiscoveredRoute = {
  /** The route file, relative to the folder walked (for messages). */
  file: string
  /** The URL path with every `[param]` segment replaced by a sample value. */
  path: string
  methods: RouteMethod[]
}

/**
 * The methods a route file exports as handlers (`export async function GET`, `export const POST =`,
 * `export { handler as PATCH }`), in the order of ROUTE_METHODS.
 */
export function exportedMethods(source: string): RouteMethod[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "")
  const named = new Set<string>()
  for (const match of code.matchAll(/export\s+(?:async\s+)?(?:function\s*\*?\s*|const\s+|let\s+|var\s+)([A-Z]+)\b/g)) {
    named.add(match[1])
  }
  for (const list of code.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const item of list[1].split(",")) {
      const exported = item
        .trim()
        .split(/\s+as\s+/)
        .pop()
      if (exported) named.add(exported.trim())
    }
  }
  return ROUTE_METHODS.filter((method) => named.has(method))
}

/**
 * The URL path of a route file under Medusa's `src/api`: `admin/shopee/events/[id]/route.ts`
 * is `/admin/shopee/events/<sample>`. A path parameter gets a sample value that looks like an id
 * and names the parameter, so a refusal is the route's auth and never a missing segment.
 */
export function routePathOf(fileUnderApi: string): string {
  const segments = fileUnderApi.split(/[\\/]/)
  if (!ROUTE_FILE.test(segments.pop() ?? "")) throw new Error(`${fileUnderApi} is not a route file`)
  return (
    "/" +
    segments
      .map((segment) => {
        const param = /^\[(\w+)\]$/.exec(segment)
        return param ? `probe_${param[1]}_01` : segment
      })
      .join("/")
  )
}

/**
 * Every route file under `apiDir/<prefix>` (e.g. the plugin's `src/api` and `admin`), with its
 * path and methods. A route file that exports no method this can read is an error, so that a
 * handler written another way is never silently left unprobed.
 */
export function discoverRoutes(apiDir: string, prefix: string): DiscoveredRoute[] {
  const found: DiscoveredRoute[] = []
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(apiDir, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name)
      if (entry.isDirectory()) walk(child)
      else if (ROUTE_FILE.test(entry.name)) {
        const methods = exportedMethods(fs.readFileSync(path.join(apiDir, child), "utf8"))
        if (methods.length === 0) throw new Error(`${child} exports no route handler this probe can read`)
        found.push({ file: child, path: routePathOf(child), methods })
      }
    }
  }
  walk(prefix)
  return found.sort((a, b) => a.path.localeCompare(b.path))
}

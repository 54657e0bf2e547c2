import { discoverRoutes } from "../probes/admin-routes"
import { pluginApiDir } from "../probes/plugin-api"
import type { Scenario } from "../scenario"

/**
 * Every admin route of the plugin, found from its route files, with every method it exports
 * (mutating ones included), answers 401 to a request without a session and to one that only
 * carries a store publishable key. A mutating request carries a body, so that a route that
 * validated before it authenticated would show as a 400 here.
 */
export const adminRoutesUnauthorized: Scenario = async (stack) => {
  const routes = discoverRoutes(pluginApiDir(stack.backendDir), "admin")
  const credentials: { name: string; headers: Record<string, string> }[] = [
    { name: "no session", headers: {} },
    { name: "a publishable key", headers: { "x-publishable-api-key": stack.publishableKey } },
  ]
  const problems: string[] = []
  let pairs = 0
  let requests = 0
  for (const route of routes) {
    for (const method of route.methods) {
      pairs += 1
      for (const { name, headers } of credentials) {
        const body = method === "GET" || method === "HEAD" ? undefined : JSON.stringify({ environment: "sandbox", name: "probe" })
        const response = await stack.fetch(`${stack.medusaUrl}${route.path}`, {
          method,
          headers: { ...headers, ...(body ? { "content-type": "application/json" } : {}) },
          body,
        })
        requests += 1
        if (response.status !== 401) problems.push(`${method} ${route.path} with ${name}: ${response.status}, not 401`)
      }
    }
  }
  return {
    name: "admin-routes-unauthorized",
    ok: problems.length === 0 && pairs > 0,
    figures: { routes: routes.length, "routes×methods": pairs, requests, not401: problems.length },
    problems: pairs > 0 ? problems : ["no admin route found in the plugin's route files"],
  }
}

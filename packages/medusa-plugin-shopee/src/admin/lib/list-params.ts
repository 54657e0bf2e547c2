import { useSearchParams } from "react-router-dom"
import { isShopeeEnvironment, type EnvironmentFilter } from "./types"

export const PAGE_SIZE = 20

/**
 * A list's filters and page live in the URL, so that a card of the overview, a shared link or a
 * reload opens the same view. `env` absent or `all` means every environment.
 */
export function useListParams<K extends string>(filterNames: readonly K[]) {
  const [searchParams, setSearchParams] = useSearchParams()
  const requestedEnv = searchParams.get("env")
  const env: EnvironmentFilter = isShopeeEnvironment(requestedEnv) ? requestedEnv : "all"
  const filters = Object.fromEntries(filterNames.map((name) => [name, searchParams.get(name) ?? ""])) as Record<K, string>
  const offset = Math.max(0, Number.parseInt(searchParams.get("offset") ?? "0", 10) || 0)

  /** Changing a filter goes back to the first page; `""` removes the parameter. */
  const update = (changes: Partial<Record<K | "env" | "offset", string>>) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current)
        if (!("offset" in changes)) next.delete("offset")
        for (const [name, value] of Object.entries(changes) as [string, string | undefined][]) {
          if (value === undefined || value === "" || (name === "offset" && value === "0")) next.delete(name)
          else next.set(name, value)
        }
        return next
      },
      { replace: true }
    )

  const apiEnv = env === "all" ? undefined : env
  /** What the list route is asked for: only the filters that are set. */
  const query = {
    ...(Object.fromEntries(Object.entries(filters).map(([name, value]) => [name, value || undefined])) as Partial<Record<K, string>>),
    env: apiEnv,
    limit: PAGE_SIZE,
    offset,
  }
  const filtered = Boolean(apiEnv || Object.values<string>(filters).some(Boolean))

  return { env, filters, offset, update, query, filtered }
}

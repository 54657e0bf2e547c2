import { useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query"
import { useEffect, useRef } from "react"
import { shopeeKeys } from "./query-keys"

/** How often a running background run (a catalogue import, a reconciliation) is polled. */
const POLL_MS = 1000

/**
 * The latest background run of a kind, polled while it runs. When it ends, every Shopee read is
 * read again: the run may have imported orders, mapped products or raised exceptions.
 */
export function usePolledRun<Run extends { status: string }>(queryKey: QueryKey, latestRun: () => Promise<{ run: Run | null }>) {
  const queryClient = useQueryClient()
  const latest = useQuery({
    queryKey,
    queryFn: latestRun,
    refetchInterval: (query) => (query.state.data?.run?.status === "running" ? POLL_MS : false),
  })
  const run = latest.data?.run ?? null
  const running = run?.status === "running"
  const wasRunning = useRef(running)
  useEffect(() => {
    if (wasRunning.current && !running) queryClient.invalidateQueries({ queryKey: shopeeKeys.all })
    wasRunning.current = running
  }, [running, queryClient])
  return { latest, run, running }
}

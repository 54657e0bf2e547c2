import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"

type Progress = { phase: "listing" | "importing" | "lost_pushes"; done: number; total: number }
type Reconcile = (
  container: MedusaContainer,
  environment: "sandbox" | "live",
  options: { from?: number; to?: number; onProgress?: (progress: Progress) => void }
) => Promise<{
  orders_seen: number
  import: Record<string, unknown> & { failures: { order_sn: string; message: string }[] }
  lost_pushes: number
  stranded_pushes: number
}>

/** The plugin's reconciliation workflow, over the range the arguments name. */
export const reconcileThroughWorkflow: Reconcile = async (container, environment, { from, to, onProgress }) => {
  const { reconcileShopeeOrdersWorkflow } = require("medusa-plugin-shopee/workflows")
  const { listenToReconcileProgress } = require("medusa-plugin-shopee/lib/reconcile/reconcile-progress")
  const progress = listenToReconcileProgress((update: Progress) => onProgress?.(update))
  try {
    const { result } = await reconcileShopeeOrdersWorkflow(container).run({
      input: { environment, from, to, progress_id: progress.progress_id },
    })
    return result
  } finally {
    progress.stop()
  }
}

/**
 * Imports every Shopee order updated in a date range: `env=sandbox from=2026-10-01 to=2026-11-01`
 * (dates in UTC; `to` defaults to now). Walks the range in Shopee's 15-day windows and prints
 * progress. The reconciliation watermark is left as it is.
 */
export async function backfillShopeeOrders(
  container: MedusaContainer,
  args: string[],
  print: (line: string) => void,
  reconcile: Reconcile
): Promise<boolean> {
  const words = Object.fromEntries(args.map((arg) => arg.replace(/^--/, "").split("=") as [string, string]))
  const environment = words.env ?? "sandbox"
  if (environment !== "sandbox" && environment !== "live") {
    print(`env must be sandbox or live (got "${environment}")`)
    return false
  }
  const from = Date.parse(words.from ?? "")
  const to = words.to ? Date.parse(words.to) : Date.now()
  if (Number.isNaN(from) || Number.isNaN(to) || from >= to) {
    print(
      `from and to must be dates with from before to, e.g. from=2026-10-01 to=2026-11-01 (got from="${words.from ?? ""}" to="${words.to ?? ""}")`
    )
    return false
  }
  const summary = await reconcile(container, environment, {
    from: Math.floor(from / 1000),
    to: Math.floor(to / 1000),
    onProgress: ({ phase, done, total }) => {
      const percent = total === 0 ? 100 : Math.round((done / total) * 100)
      print(phase === "listing" ? `listing: window ${done}/${total}` : `${phase}: ${done}/${total} (${percent}%)`)
    },
  })
  const counts = Object.entries(summary.import)
    .filter(([key]) => key !== "failures" && key !== "orders")
    .map(([key, count]) => `${count} ${key}`)
    .join(", ")
  print(
    `done: ${summary.orders_seen} orders in range; ${counts}; ${summary.lost_pushes} lost pushes recovered; ${summary.stranded_pushes} stranded pushes processed`
  )
  for (const failure of summary.import.failures) print(`failed: ${failure.order_sn}: ${failure.message}`)
  return summary.import.failures.length === 0
}

export default async function ({ container, args }: ExecArgs): Promise<void> {
  const ok = await backfillShopeeOrders(container, args ?? [], (line) => console.log(line), reconcileThroughWorkflow)
  if (!ok) process.exitCode = 1
}

import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"

type Progress = { phase: "listing" | "reading" | "matching" | "done"; done: number; total: number }
type Run = Progress & {
  id: string
  mode: string
  status: "running" | "succeeded" | "failed"
  error: string | null
  summary: Record<"items_read" | "listings_read" | "retired" | "matched" | "unmatched" | "conflict", number> | null
}
type CatalogueRuns = { latestCatalogueRun(environment: "sandbox" | "live"): Promise<Run | null> }
type Begin = (container: MedusaContainer, environment: "sandbox" | "live", mode: "full" | "incremental") => Promise<Run>
type Workflow = (container: MedusaContainer) => { run(options: { input: { run: Run }; throwOnError: false }): Promise<unknown> }

const POLL_MS = 250

/**
 * Imports the Shopee catalogue of an environment's active profile into the product map and
 * matches it to variants by SKU: `env=sandbox` (default) and `mode=incremental` (default: the
 * items updated since the last import; the first import is full) or `mode=full`. Prints the
 * progress as the admin shows it, from the same run record.
 */
export async function importShopeeCatalogueCli(
  container: MedusaContainer,
  args: string[],
  print: (line: string) => void,
  deps: { begin: Begin; workflow: Workflow; progressLine: (progress: Progress) => string }
): Promise<boolean> {
  const words = Object.fromEntries(args.map((arg) => arg.replace(/^--/, "").split("=") as [string, string]))
  const environment = words.env ?? "sandbox"
  const mode = words.mode ?? "incremental"
  if (environment !== "sandbox" && environment !== "live") {
    print(`env must be sandbox or live (got "${environment}")`)
    return false
  }
  if (mode !== "full" && mode !== "incremental") {
    print(`mode must be full or incremental (got "${mode}")`)
    return false
  }
  const shopee = container.resolve<CatalogueRuns>("shopee")
  const begun = await deps.begin(container, environment, mode)
  let finished = false
  const running = deps
    .workflow(container)
    .run({ input: { run: begun }, throwOnError: false })
    .finally(() => (finished = true))
  let last = ""
  let run: Run | null = begun
  while (!finished) {
    await Promise.race([running, new Promise((resolve) => setTimeout(resolve, POLL_MS))])
    run = await shopee.latestCatalogueRun(environment)
    const line = run && run.status === "running" ? deps.progressLine(run) : ""
    if (line && line !== last) print((last = line))
  }
  run = await shopee.latestCatalogueRun(environment)
  if (!run || run.id !== begun.id || run.status !== "succeeded" || !run.summary) {
    print(`failed: ${run?.error ?? "the import ended without a result"}`)
    return false
  }
  const s = run.summary
  print(
    `done (${run.mode}): ${s.items_read} items read, ${s.listings_read} listings; ${s.matched} matched, ${s.unmatched} unmatched, ${s.conflict} conflicts; ${s.retired} retired`
  )
  return true
}

export default async function ({ container, args }: ExecArgs): Promise<void> {
  const { importShopeeCatalogueWorkflow } = require("medusa-plugin-shopee/workflows")
  const { progressLine } = require("medusa-plugin-shopee/lib/catalogue/catalogue-progress")
  const { beginCatalogueImport } = require("medusa-plugin-shopee/lib/begin-catalogue-import")
  const ok = await importShopeeCatalogueCli(container, args ?? [], (line) => console.log(line), {
    begin: beginCatalogueImport,
    workflow: importShopeeCatalogueWorkflow,
    progressLine,
  })
  if (!ok) process.exitCode = 1
}

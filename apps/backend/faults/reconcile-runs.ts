import type { FaultStack } from "./scenario"

type Run = { id: string; status: "running" | "succeeded" | "failed"; error: string | null }

async function latestRun(stack: FaultStack): Promise<Run | null> {
  const response = await stack.fetch(`${stack.medusaUrl}/admin/shopee/reconcile?env=sandbox`, { headers: stack.adminHeaders })
  if (response.status !== 200)
    throw new Error(`GET /admin/shopee/reconcile answered ${response.status}: ${(await response.text()).slice(0, 200)}`)
  return ((await response.json()) as { run: Run | null }).run
}

async function startRun(stack: FaultStack): Promise<Run | null> {
  const response = await stack.fetch(`${stack.medusaUrl}/admin/shopee/reconcile?env=sandbox`, {
    method: "POST",
    headers: stack.adminHeaders,
  })
  if (response.status === 409) return null
  if (response.status !== 202)
    throw new Error(`POST /admin/shopee/reconcile answered ${response.status}: ${(await response.text()).slice(0, 200)}`)
  return ((await response.json()) as { run: Run }).run
}

/**
 * Starts a reconciliation of the sandbox unless one is running (a person's or the job's), and
 * returns the run started or found. The start answers at once (202, or 409 when another began
 * in between), so no request here waits for a run that takes minutes.
 */
export async function startReconcileIfIdle(stack: FaultStack): Promise<Run> {
  const latest = await latestRun(stack)
  if (latest?.status === "running") return latest
  return (await startRun(stack)) ?? (await latestRun(stack))!
}

/**
 * A run begun after any running one has ended (one begun earlier may have read what the caller
 * changed since), polled to its end.
 */
export async function reconcileFromNow(stack: FaultStack): Promise<Run> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const latest = await latestRun(stack)
    if (latest?.status === "running") {
      await reconcileRunEnded(stack, latest.id)
      continue
    }
    const started = await startRun(stack)
    if (started) return reconcileRunEnded(stack, started.id)
  }
  throw new Error("a reconciliation could not be started: another one kept running")
}

/** Polls a run until it has ended (a bounded wait), and returns it as it ended. */
export async function reconcileRunEnded(stack: FaultStack, runId: string, limitMs = 240_000): Promise<Run> {
  const deadline = Date.now() + limitMs
  for (;;) {
    const response = await stack.fetch(`${stack.medusaUrl}/admin/shopee/reconcile/runs/${runId}`, { headers: stack.adminHeaders })
    const { run } = (await response.json()) as { run: Run }
    if (run.status !== "running") return run
    if (Date.now() > deadline) throw new Error(`reconciliation ${runId} still running after ${limitMs / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

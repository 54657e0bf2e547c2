import type { AxiosInstance } from "axios"
import { waitFor } from "./wait-for"

/** A reconciliation run as `GET /admin/shopee/reconcile/runs/:id` answers it. */
export type ReconcileRunAnswer = {
  id: string
  environment: string
  status: "running" | "succeeded" | "failed"
  phase: string
  done: number
  total: number
  error: string | null
  summary: any
}

/** Polls a reconciliation run until it has ended, and returns it as it ended. */
export function reconcileRunEnded(api: AxiosInstance, options: object, runId: string, timeoutMs = 120_000): Promise<ReconcileRunAnswer> {
  return waitFor(async () => {
    const { data } = await api.get(`/admin/shopee/reconcile/runs/${runId}`, options)
    return data.run.status !== "running" && (data.run as ReconcileRunAnswer)
  }, timeoutMs)
}

/** Starts a reconciliation from the admin route (a 202 with the run) and waits for it to end. */
export async function reconcileAndWait(api: AxiosInstance, options: object, env = "sandbox"): Promise<ReconcileRunAnswer> {
  const started = await api.post(`/admin/shopee/reconcile?env=${env}`, {}, options)
  if (started.status !== 202) throw new Error(`Starting a reconciliation answered ${started.status}: ${JSON.stringify(started.data)}`)
  return reconcileRunEnded(api, options, started.data.run.id)
}

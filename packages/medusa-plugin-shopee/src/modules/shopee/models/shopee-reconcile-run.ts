import { model } from "@medusajs/framework/utils"
import { SHOPEE_ENVIRONMENTS } from "../environments"

/** admin: started by a person (`POST /admin/shopee/reconcile`); scheduled: the 5-minute job. */
export const RECONCILE_RUN_TRIGGERS = ["admin", "scheduled"] as const
export type ReconcileRunTrigger = (typeof RECONCILE_RUN_TRIGGERS)[number]

export const RECONCILE_RUN_STATUSES = ["running", "succeeded", "failed"] as const
export type ReconcileRunStatus = (typeof RECONCILE_RUN_STATUSES)[number]

/** The phases `reconcile-progress.ts` reports, and `done` once the run has ended. */
export const RECONCILE_RUN_PHASES = ["listing", "importing", "lost_pushes", "done"] as const
export type ReconcileRunPhase = (typeof RECONCILE_RUN_PHASES)[number]

/**
 * One reconciliation of an environment's orders and where it stands, so that the admin (on any
 * instance) can poll a run that takes minutes. `progress_at` is when its process last wrote on
 * it: a running run silent for too long was left by a process that died (reconcile-run-state.ts).
 */
export const ShopeeReconcileRun = model
  .define("shopee_reconcile_run", {
    id: model.id({ prefix: "shrec" }).primaryKey(),
    environment: model.enum([...SHOPEE_ENVIRONMENTS]),
    profile_id: model.text(),
    trigger: model.enum([...RECONCILE_RUN_TRIGGERS]),
    status: model.enum([...RECONCILE_RUN_STATUSES]).default("running"),
    phase: model.enum([...RECONCILE_RUN_PHASES]).default("listing"),
    done: model.number().default(0),
    total: model.number().default(0),
    summary: model.json().nullable(),
    error: model.text().nullable(),
    started_at: model.dateTime(),
    progress_at: model.dateTime(),
    finished_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["environment", "started_at"] }])

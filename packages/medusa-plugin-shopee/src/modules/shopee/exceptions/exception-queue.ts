import type { Context } from "@medusajs/framework/types"
import type { ShopeeEnvironment } from "../environments"
import type { RunSql } from "../pushes/rejected-push-limit"
import type { ExceptionRow, ShopeeTableAccess } from "../tables"
import { nextFailure, retryFailedMessage, type ScheduledFailureKind } from "./failure-schedule"
import { UNRESOLVED_EXCEPTION_STATUSES, type ExceptionKind } from "./vocabulary"

type ExceptionTable = Pick<
  ShopeeTableAccess,
  "listConnectorExceptions" | "retrieveConnectorException" | "createConnectorExceptions" | "updateConnectorExceptions"
>

export type RaiseExceptionInput = {
  environment: ShopeeEnvironment | null
  kind: ExceptionKind
  message: string
  payload_ref?: string | null
  /**
   * Folds a burst: one open exception per environment and kind whatever the reference, counting
   * each raise on it (`occurrences`, `last_seen_at`); its reference stays the first one's.
   */
  fold?: boolean
}

export type RecordFailureInput = {
  environment: ShopeeEnvironment
  kind: ScheduledFailureKind
  payload_ref: string
  error: unknown
}

export type SettleInput = {
  environment: ShopeeEnvironment
  payload_ref: string
  kinds: readonly ExceptionKind[]
}

const resolvedNow = () => ({ status: "resolved" as const, resolved_at: new Date(), next_attempt_at: null })

/**
 * The one writer of `connector_exception`: what needs a person or a retry. At most one
 * unresolved exception per environment, kind and reference; a failure retried on a schedule
 * counts its attempts on it; it is settled when its cause is gone, or resolved by a person.
 */
export class ExceptionQueue {
  constructor(
    private readonly table: ExceptionTable,
    /** For the folding count, which must add in one statement; runs in the caller's transaction. */
    private readonly sql: (text: string, params: unknown[], sharedContext: Context) => ReturnType<RunSql>
  ) {}

  /**
   * Opens an exception for a person, unless the same one is already open. A folded raise (a
   * burst of rejected pushes) runs in the caller's transaction under a lock of its environment
   * and kind, so that concurrent raises count on one exception rather than opening several.
   */
  async raise(input: RaiseExceptionInput, sharedContext: Context = {}): Promise<{ id: string; created: boolean }> {
    const payloadRef = input.payload_ref ?? null
    if (input.fold) {
      await this.sql(`select pg_advisory_xact_lock(hashtext(?))`, [`connector_exception:${input.environment}:${input.kind}`], sharedContext)
    }
    const [open] = await this.unresolved(input.environment, input.kind, input.fold ? undefined : payloadRef, sharedContext)
    if (open) {
      if (input.fold) {
        await this.sql(
          `update "connector_exception" set "occurrences" = "occurrences" + 1, "last_seen_at" = now(), "updated_at" = now() where "id" = ?`,
          [open.id],
          sharedContext
        )
      }
      return { id: open.id, created: false }
    }
    const now = new Date()
    const created = await this.table.createConnectorExceptions(
      {
        environment: input.environment,
        kind: input.kind,
        message: input.message,
        payload_ref: payloadRef,
        first_seen_at: now,
        last_seen_at: now,
      },
      sharedContext
    )
    return { id: created.id, created: true }
  }

  /** Counts one more failure on the reference's exception and schedules the next attempt, or leaves it for a person. */
  async recordFailure(input: RecordFailureInput): Promise<void> {
    const [existing] = await this.unresolved(input.environment, input.kind, input.payload_ref, {})
    const fields = nextFailure({
      kind: input.kind,
      payload_ref: input.payload_ref,
      previous_attempts: existing?.attempts ?? 0,
      reason: (input.error as Error)?.message ?? String(input.error),
      now: Date.now(),
    })
    if (existing) {
      await this.table.updateConnectorExceptions({ id: existing.id, ...fields })
    } else {
      await this.table.createConnectorExceptions({
        environment: input.environment,
        kind: input.kind,
        payload_ref: input.payload_ref,
        ...fields,
      })
    }
  }

  /** Resolves the reference's unresolved exceptions of these kinds: their cause is gone. */
  async settle(input: SettleInput): Promise<void> {
    const open = await this.table.listConnectorExceptions({
      environment: input.environment,
      payload_ref: input.payload_ref,
      kind: [...input.kinds],
      status: [...UNRESOLVED_EXCEPTION_STATUSES],
    })
    if (open.length > 0) {
      await this.table.updateConnectorExceptions({ selector: { id: open.map((exception) => exception.id) }, data: resolvedNow() })
    }
  }

  /** Closes one exception; it is not retried again. 404 for an unknown id; a resolved one is left as it was. */
  async resolve(id: string): Promise<ExceptionRow> {
    const exception = await this.table.retrieveConnectorException(id)
    if (exception.status === "resolved") return exception
    return this.table.updateConnectorExceptions({ id, ...resolvedNow() })
  }

  /** Counts a failed manual retry on an exception outside the schedule, with the retry's outcome. */
  async recordRetryFailure(id: string, outcome: string): Promise<void> {
    const exception = await this.table.retrieveConnectorException(id)
    await this.table.updateConnectorExceptions({
      id,
      attempts: exception.attempts + 1,
      message: retryFailedMessage(exception.message, outcome),
    })
  }

  /** The unresolved exceptions of an environment and kind, of one reference unless `payloadRef` is undefined (a fold). */
  private unresolved(
    environment: ShopeeEnvironment | null,
    kind: ExceptionKind,
    payloadRef: string | null | undefined,
    sharedContext: Context
  ) {
    return this.table.listConnectorExceptions(
      { environment, kind, ...(payloadRef === undefined ? {} : { payload_ref: payloadRef }), status: [...UNRESOLVED_EXCEPTION_STATUSES] },
      { select: ["id", "attempts"], order: { created_at: "ASC" } },
      sharedContext
    )
  }
}

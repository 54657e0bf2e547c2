import { type CallError, classifyCallError, classifyFailedReason, type StockFailure } from "./stock-failure-reason"

/**
 * Per model, what one update_stock call did. Shopee can answer a partial success and a
 * call-level error together, so an empty `error` proves nothing and an error does not undo the
 * models in `success_list`. A model is written only when Shopee listed it as a success with the
 * quantity asked and, when the writer read it back, the read shows that quantity too.
 */

export type RequestedStock = { model_id: number; stock: number }

/** update_stock's `response`, as the shopee-client returns it. */
export type UpdateStockAnswer = {
  success_list: { model_id: number; location_id?: string; stock: number }[]
  failure_list: { model_id: number; failed_reason: string }[]
}

export type UpdateStockOutcome =
  | { model_id: number; requested: number; status: "written" }
  | { model_id: number; requested: number; status: "failed"; failure: StockFailure }

export type UpdateStockCall = {
  requested: RequestedStock[]
  /** null when the call threw before any answer. */
  answer: UpdateStockAnswer | null
  call_error: CallError | null
  /** Stock read back per model after the call; absent when the writer did not read back. */
  read_back?: RequestedStock[]
}

export function interpretUpdateStock(call: UpdateStockCall): UpdateStockOutcome[] {
  const successes = new Map<number, number>()
  // A shop with several warehouses lists one success per location: the model's stock is their sum.
  for (const entry of call.answer?.success_list ?? []) {
    successes.set(entry.model_id, (successes.get(entry.model_id) ?? 0) + entry.stock)
  }
  const failures = new Map((call.answer?.failure_list ?? []).map((entry) => [entry.model_id, entry.failed_reason]))
  const readBack = call.read_back ? new Map(call.read_back.map((entry) => [entry.model_id, entry.stock])) : null

  return call.requested.map(({ model_id, stock: requested }) => {
    const failed = (failure: StockFailure): UpdateStockOutcome => ({ model_id, requested, status: "failed", failure })
    const failedReason = failures.get(model_id)
    if (failedReason !== undefined) return failed(classifyFailedReason(failedReason))
    const written = successes.get(model_id)
    if (written === undefined) {
      return failed(call.call_error ? classifyCallError(call.call_error) : unreported())
    }
    if (written !== requested) return failed(mismatch(`Shopee accepted ${written} when ${requested} was sent`))
    if (readBack) {
      const read = readBack.get(model_id)
      if (read === undefined) return failed(mismatch(`the model was missing when read back after writing ${requested}`))
      if (read !== requested) return failed(mismatch(`read back ${read} after writing ${requested}`))
    }
    return { model_id, requested, status: "written" }
  })
}

/** Neither listed nor failed, with no error: Shopee's answer is not what its contract says. */
function unreported(): StockFailure {
  return {
    level: "system",
    reason: "missing from Shopee's answer",
    retry_can_help: true,
    detail: "update_stock listed this model neither as a success nor as a failure",
  }
}

/**
 * Item-level: a buyer can order between the write and the read-back, so one mismatch says
 * nothing about Shopee's health; the next run plans from a fresh read anyway.
 */
function mismatch(detail: string): StockFailure {
  return { level: "item", reason: "Shopee reports a different stock", retry_can_help: true, detail }
}

import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { runStockSync, type StockSyncOutcome, type StockSyncRequest } from "../../lib/stock-writer/run-stock-sync"

export const runStockSyncStepId = "run-shopee-stock-sync"

/**
 * One writer run: read both sides, plan, judge the plan, re-read and write, record per model.
 * Nothing to compensate: the run records what it wrote and the prior values, and a person undoes
 * a run with a restore, which is itself a planned run.
 */
export const runStockSyncStep = createStep(
  runStockSyncStepId,
  async (input: StockSyncRequest, { container }): Promise<StepResponse<StockSyncOutcome>> => {
    return new StepResponse(await runStockSync(container, input))
  }
)

import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { flushDirtyMarks } from "../../lib/stock-writer/flush-dirty-marks"

export const flushStockMarksStepId = "flush-shopee-stock-marks"

/** Runs the writer for the variants whose marks are due; answers how long until the rest are (null: none left). */
export const flushStockMarksStep = createStep(flushStockMarksStepId, async (_input: Record<string, never>, { container }) => {
  return new StepResponse(await flushDirtyMarks(container))
})

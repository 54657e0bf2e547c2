import type { MedusaContainer } from "@medusajs/framework/types"
import { flushStockMarksNow } from "../workflows/wake-stock-writer"
import { switchableJob } from "../lib/switchable-job"

/** Every minute: dirty marks a process left behind (it stopped before its flush) still reach Shopee. */
export default switchableJob("flush-shopee-stock-marks", async (container: MedusaContainer) => {
  await flushStockMarksNow(container)
})

export const config = { name: "flush-shopee-stock-marks", schedule: "* * * * *" }

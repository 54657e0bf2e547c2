import type { MedusaContainer } from "@medusajs/framework/types"
import { flushStockMarksNow } from "../workflows/wake-stock-writer"

/** Every minute: dirty marks a process left behind (it stopped before its flush) still reach Shopee. */
export default async function flushShopeeStockMarksJob(container: MedusaContainer): Promise<void> {
  await flushStockMarksNow(container)
}

export const config = { name: "flush-shopee-stock-marks", schedule: "* * * * *" }

import type { MedusaContainer } from "@medusajs/framework/types"
import { arrangeDueShipments } from "../lib/fulfilment/arrange-automatically"
import { switchableJob } from "../lib/switchable-job"

/** Every minute: automatic arrangements whose buyer-cancel window has passed are arranged on Shopee. */
export default switchableJob("arrange-due-shopee-shipments", async (container: MedusaContainer) => {
  await arrangeDueShipments(container)
})

export const config = { name: "arrange-due-shopee-shipments", schedule: "* * * * *" }

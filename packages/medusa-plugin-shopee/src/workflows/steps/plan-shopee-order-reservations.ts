import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { crashPoint } from "../../lib/orders/crash-point"
import { reservationsFor, type StockLine } from "../../lib/orders/plan-stock-cover"

export const planShopeeOrderReservationsStepId = "plan-shopee-order-reservations"

/** The reservations of the new draft's lines (`reservationsFor`), read back with their line ids. */
export const planShopeeOrderReservationsStep = createStep(
  planShopeeOrderReservationsStepId,
  async (input: { order_id: string; location_id: string; stock: StockLine[] }, { container }) => {
    crashPoint("draft_created")
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({ entity: "order", fields: ["id", "items.*"], filters: { id: input.order_id } })
    const lines = ((order?.items ?? []).filter(Boolean) as { id: string; variant_id: string | null; quantity: unknown }[]).map((item) => ({
      id: item.id,
      variant_id: item.variant_id,
      quantity: Number(item.quantity),
    }))
    return new StepResponse(reservationsFor(lines, input.stock, input.location_id))
  }
)

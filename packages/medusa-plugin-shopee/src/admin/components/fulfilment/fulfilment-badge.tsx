import { StatusBadge, Text } from "@medusajs/ui"
import { FULFILMENT_LABELS, fulfilmentStatus, type FulfilmentRow } from "../../lib/fulfilment-status"

/** Where a Shopee order's fulfilment stands ("To ship" … "Delivered"), or a dash when it has none. */
export const FulfilmentBadge = ({ row }: { row: FulfilmentRow }) => {
  const status = fulfilmentStatus(row)
  if (!status) {
    return (
      <Text size="small" className="text-ui-fg-muted" data-testid="fulfilment-status">
        —
      </Text>
    )
  }
  return (
    <StatusBadge color={status.color} data-testid="fulfilment-status">
      {FULFILMENT_LABELS[status.key]}
    </StatusBadge>
  )
}

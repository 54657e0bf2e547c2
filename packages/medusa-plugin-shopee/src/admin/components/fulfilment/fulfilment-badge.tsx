import { StatusBadge, Text } from "@medusajs/ui"
import { fulfilmentLabelKey, fulfilmentStatus, type FulfilmentRow } from "../../lib/fulfilment-status"
import { useTranslation } from "react-i18next"

/** Where a Shopee order's fulfilment stands ("To ship" … "Delivered"), or a dash when it has none. */
export const FulfilmentBadge = ({ row }: { row: FulfilmentRow }) => {
  const { t } = useTranslation()
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
      {t(fulfilmentLabelKey(status.key))}
    </StatusBadge>
  )
}

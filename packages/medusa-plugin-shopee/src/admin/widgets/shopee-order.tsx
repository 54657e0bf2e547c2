import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { EnvBadge } from "../components/env-badge"
import { ArrangeShipmentForm } from "../components/fulfilment/arrange-shipment-form"
import { FulfilmentBadge } from "../components/fulfilment/fulfilment-badge"
import { PrintLabel } from "../components/fulfilment/print-label"
import { shopeeListsApi } from "../lib/api"
import { arrangeAvailability, fulfilmentLabelKey } from "../lib/fulfilment-status"
import { shopeeKeys } from "../lib/query-keys"
import { errorMessage } from "../lib/sdk"
import { useLocaleFormat } from "../lib/use-locale-format"
import { useTranslation } from "react-i18next"

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-start px-6 py-3">
    <Text size="small" weight="plus" leading="compact">
      {label}
    </Text>
    <div className="txt-compact-small break-words">{children}</div>
  </div>
)

/**
 * The Shopee side of a Medusa order, on the order's page. An order that did not come from
 * Shopee shows nothing; neither does the widget while it loads, so other orders' pages do not
 * flicker.
 */
const ShopeeOrderWidget = ({ data: order }: DetailWidgetProps<HttpTypes.AdminOrder>) => {
  const { t } = useTranslation()
  const format = useLocaleFormat()
  const shopee = useQuery({
    queryKey: shopeeKeys.orderOfMedusaOrder(order.id),
    queryFn: () => shopeeListsApi.orderByMedusaOrder(order.id),
    retry: 1,
  })

  if (shopee.isError) {
    return (
      <Container className="px-6 py-4" data-testid="shopee-order-widget">
        <Heading level="h2">Shopee</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("shopee.orderWidget.loadError", { error: errorMessage(shopee.error) })}
        </Text>
      </Container>
    )
  }
  const sync = shopee.data?.shopee_order
  if (!sync) return null

  return (
    <Container className="divide-y p-0" data-testid="shopee-order-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Shopee</Heading>
        <EnvBadge environment={sync.environment} />
      </div>
      <Row label={t("shopee.common.orderSn")}>
        <Link
          to={`/shopee/orders?env=${sync.environment}&q=${encodeURIComponent(sync.order_sn)}`}
          className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover font-mono"
        >
          {sync.order_sn}
        </Link>
      </Row>
      <Row label={t("shopee.orderWidget.shop")}>{sync.shop_id}</Row>
      <Row label={t("shopee.orderWidget.shopeeStatus")}>
        {sync.shopee_status ? <Badge size="2xsmall">{sync.shopee_status}</Badge> : "—"}
      </Row>
      <Row label={t("shopee.common.lastSync")}>{format.date(sync.last_synced_at)}</Row>
      <Row label={t("shopee.orderWidget.fulfilment")}>
        <FulfilmentBadge row={sync} />
      </Row>
      {sync.shipment_reason && (sync.shipment_state === "refused" || sync.shipment_state === "deferred") && (
        <Row label={t("shopee.orderWidget.shipment")}>
          <span data-testid="shipment-reason">
            {t(fulfilmentLabelKey(sync.shipment_state === "deferred" ? "retry_later" : "refused"))}: {sync.shipment_reason}
          </span>
        </Row>
      )}
      <Row label={t("shopee.orderWidget.trackingNumber")}>{sync.tracking_number ?? "—"}</Row>
      {arrangeAvailability(sync).can && <ArrangeShipmentForm id={sync.id} />}
      {sync.shipment_state === "arranged" && <PrintLabel id={sync.id} initial={shopee.data?.label ?? sync.label} />}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default ShopeeOrderWidget

import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, StatusBadge, Text } from "@medusajs/ui"
import { ORDER_STATUSES } from "@shopee-medusa/shopee-client/vocabulary"
import { useState } from "react"
import { Link } from "react-router-dom"
import { EnvBadge } from "../../../components/env-badge"
import { BulkActions } from "../../../components/fulfilment/bulk-actions"
import { FulfilmentBadge } from "../../../components/fulfilment/fulfilment-badge"
import { SearchFilter } from "../../../components/search-filter"
import { defineShopeeList, ShopeeResourceList } from "../../../components/shopee-resource-list"
import { useListParams } from "../../../lib/list-params"
import { statusLabel } from "../../../lib/statuses"
import type { ShopeeOrderSync } from "../../../lib/types"
import { useLocaleFormat } from "../../../lib/use-locale-format"
import { useTranslation } from "react-i18next"

const STATE_COLORS: Record<string, "green" | "orange" | "grey" | "blue"> = {
  imported: "green",
  held: "orange",
  skipped: "grey",
  claimed: "blue",
  // Between the claim and the Medusa order: an import in flight, or one a crash left for the retry.
  creating: "blue",
}

const MedusaOrderLink = ({ row }: { row: ShopeeOrderSync }) => {
  const { t } = useTranslation()
  if (!row.order_id) {
    return (
      <Text size="small" className="text-ui-fg-muted">
        {t("shopee.orders.notImported")}
      </Text>
    )
  }
  const label = row.order?.display_id ? `#${row.order.display_id}` : t("shopee.orders.openOrder")
  return (
    <Link to={`/orders/${row.order_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus">
      {label}
    </Link>
  )
}

const useOrdersList = () => {
  const { t } = useTranslation()
  const format = useLocaleFormat()
  return defineShopeeList({
    resource: "orders",
    title: t("shopee.orders.title"),
    description: t("shopee.orders.description"),
    statusOptions: ORDER_STATUSES.map((status) => ({ value: status, label: statusLabel(t, status) })),
    noun: t("shopee.orders.noun"),
    loadError: t("shopee.orders.loadError"),
    empty: t("shopee.orders.empty"),
    emptyFiltered: t("shopee.orders.emptyFiltered"),
    rowKey: (row) => row.order_sn,
    columns: [
      { header: t("shopee.common.orderSn"), className: "font-mono", cell: (row) => row.order_sn },
      { header: t("shopee.common.env"), cell: (row) => <EnvBadge environment={row.environment} /> },
      {
        header: t("shopee.orders.shopeeStatus"),
        cell: (row) =>
          row.shopee_status ? (
            <Badge size="2xsmall">{row.shopee_status}</Badge>
          ) : (
            <Text size="small" className="text-ui-fg-muted">
              —
            </Text>
          ),
      },
      {
        header: t("shopee.orders.import"),
        cellProps: (row) => ({ title: row.state_reason ?? undefined }),
        cell: (row) => <StatusBadge color={STATE_COLORS[row.state] ?? "grey"}>{statusLabel(t, row.state)}</StatusBadge>,
      },
      {
        header: t("shopee.orders.fulfilment"),
        cellProps: (row) => ({ title: row.shipment_reason ?? undefined }),
        cell: (row) => <FulfilmentBadge row={row} />,
      },
      { header: t("shopee.orders.buyer"), cell: (row) => row.buyer_username ?? "—" },
      { header: t("shopee.orders.total"), cell: (row) => format.amount(row.total_amount, row.currency) },
      { header: t("shopee.common.lastSync"), cell: (row) => format.date(row.last_synced_at) },
      { header: t("shopee.orders.medusaOrder"), cell: (row) => <MedusaOrderLink row={row} /> },
    ],
  })
}

/**
 * Shopee orders, newest first, paginated by the server; filters and page in the URL. Imported
 * orders can be ticked, across pages, for the bulk actions.
 */
const ShopeeOrdersPage = () => {
  const { t } = useTranslation()
  const list = useOrdersList()
  const params = useListParams(["status", "q"] as const)
  const [selected, setSelected] = useState<Map<string, ShopeeOrderSync>>(new Map())
  return (
    <ShopeeResourceList
      list={list}
      params={params}
      selection={{
        isSelected: (row) => selected.has(row.id),
        canSelect: (row) => !!row.order_id,
        label: (row) => row.order_sn,
        onToggle: (rows, on) =>
          setSelected((current) => {
            const next = new Map(current)
            for (const row of rows) {
              if (on) next.set(row.id, row)
              else next.delete(row.id)
            }
            return next
          }),
      }}
      toolbar={<BulkActions orders={[...selected.values()]} onClear={() => setSelected(new Map())} />}
      moreFilters={
        <SearchFilter
          label={t("shopee.common.orderSn")}
          placeholder={t("shopee.orders.searchPlaceholder")}
          value={params.filters.q}
          onChange={(q) => params.update({ q })}
        />
      }
    />
  )
}

export const config = defineRouteConfig({ label: "shopee.nav.orders", translationNs: "translation", rank: 2 })

export default ShopeeOrdersPage

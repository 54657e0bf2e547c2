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
import { formatDate } from "../../../lib/format-date"
import { useListParams } from "../../../lib/list-params"
import { statusLabel } from "../../../lib/statuses"
import type { ShopeeOrderSync } from "../../../lib/types"

const STATUS_OPTIONS = ORDER_STATUSES.map((status) => ({ value: status, label: statusLabel(status) }))

const STATE_COLORS: Record<string, "green" | "orange" | "grey" | "blue"> = {
  imported: "green",
  held: "orange",
  skipped: "grey",
  claimed: "blue",
  // Between the claim and the Medusa order: an import in flight, or one a crash left for the retry.
  creating: "blue",
}

function formatAmount(amount: number | null, currency: string | null): string {
  if (amount === null || amount === undefined) return "—"
  return `${amount.toLocaleString(undefined, { maximumFractionDigits: 2 })}${currency ? ` ${currency}` : ""}`
}

const MedusaOrderLink = ({ row }: { row: ShopeeOrderSync }) => {
  if (!row.order_id) {
    return (
      <Text size="small" className="text-ui-fg-muted">
        Not imported
      </Text>
    )
  }
  const label = row.order?.display_id ? `#${row.order.display_id}` : "Open order"
  return (
    <Link to={`/orders/${row.order_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus">
      {label}
    </Link>
  )
}

const LIST = defineShopeeList({
  resource: "orders",
  title: "Shopee orders",
  description: "Orders received from Shopee, in every environment, and the Medusa order each became.",
  statusOptions: STATUS_OPTIONS,
  noun: "Shopee orders",
  empty: "No Shopee orders yet.",
  rowKey: (row) => row.order_sn,
  columns: [
    { header: "Order SN", className: "font-mono", cell: (row) => row.order_sn },
    { header: "Env", cell: (row) => <EnvBadge environment={row.environment} /> },
    {
      header: "Shopee status",
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
      header: "Import",
      cellProps: (row) => ({ title: row.state_reason ?? undefined }),
      cell: (row) => <StatusBadge color={STATE_COLORS[row.state] ?? "grey"}>{statusLabel(row.state)}</StatusBadge>,
    },
    {
      header: "Fulfilment",
      cellProps: (row) => ({ title: row.shipment_reason ?? undefined }),
      cell: (row) => <FulfilmentBadge row={row} />,
    },
    { header: "Buyer", cell: (row) => row.buyer_username ?? "—" },
    { header: "Total", cell: (row) => formatAmount(row.total_amount, row.currency) },
    { header: "Last sync", cell: (row) => formatDate(row.last_synced_at) },
    { header: "Medusa order", cell: (row) => <MedusaOrderLink row={row} /> },
  ],
})

/**
 * Shopee orders, newest first, paginated by the server; filters and page in the URL. Imported
 * orders can be ticked, across pages, for the bulk actions.
 */
const ShopeeOrdersPage = () => {
  const params = useListParams(["status", "q"] as const)
  const [selected, setSelected] = useState<Map<string, ShopeeOrderSync>>(new Map())
  return (
    <ShopeeResourceList
      list={LIST}
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
        <SearchFilter label="Order SN" placeholder="Search by order_sn" value={params.filters.q} onChange={(q) => params.update({ q })} />
      }
    />
  )
}

export const config = defineRouteConfig({ label: "Orders", rank: 2 })

export default ShopeeOrdersPage

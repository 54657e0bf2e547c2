import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Container, Input, Label, StatusBadge, Table, Text } from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useEffect, useRef, useState } from "react"
import { Link } from "react-router-dom"
import { EnvBadge } from "../../../components/env-badge"
import {
  ENV_FILTER_OPTIONS,
  FilterSelect,
  formatDate,
  ListEmpty,
  ListError,
  ListLoading,
  ListPager,
} from "../../../components/list-parts"
import { ShopeePageHeader } from "../../../components/shopee-page-header"
import { shopeeListsApi } from "../../../lib/api"
import { PAGE_SIZE, useListParams } from "../../../lib/list-params"
import { shopeeKeys } from "../../../lib/query-keys"
import { SHOPEE_ORDER_STATUSES, statusLabel } from "../../../lib/statuses"
import type { ShopeeOrderSync } from "../../../lib/types"

const STATUS_OPTIONS = SHOPEE_ORDER_STATUSES.map((status) => ({ value: status, label: statusLabel(status) }))

const STATE_COLORS: Record<string, "green" | "orange" | "grey" | "blue"> = {
  imported: "green",
  held: "orange",
  skipped: "grey",
  claimed: "blue",
}

function formatAmount(amount: number | null, currency: string | null): string {
  if (amount === null || amount === undefined) return "—"
  return `${amount.toLocaleString(undefined, { maximumFractionDigits: 2 })}${currency ? ` ${currency}` : ""}`
}

/** Typing searches once the operator pauses; the search lives in the URL like the filters. */
const OrderSearch = ({ value, onChange }: { value: string; onChange: (value: string) => void }) => {
  const [text, setText] = useState(value)
  const latestOnChange = useRef(onChange)
  latestOnChange.current = onChange
  useEffect(() => setText(value), [value])
  useEffect(() => {
    if (text.trim() === value) return
    const timer = setTimeout(() => latestOnChange.current(text.trim()), 350)
    return () => clearTimeout(timer)
  }, [text, value])
  return (
    <div className="flex flex-col gap-y-1">
      <Label htmlFor="shopee-order-search" size="xsmall" weight="plus" className="text-ui-fg-subtle">
        Order SN
      </Label>
      <Input
        id="shopee-order-search"
        size="small"
        type="search"
        placeholder="Search by order_sn"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") onChange(text.trim())
        }}
      />
    </div>
  )
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

/** Shopee orders, newest first, paginated by the server; filters and page in the URL. */
const ShopeeOrdersPage = () => {
  const { env, apiEnv, filters, offset, update } = useListParams(["status", "q"] as const)
  const query = { env: apiEnv, status: filters.status || undefined, q: filters.q || undefined, limit: PAGE_SIZE, offset }
  const orders = useQuery({
    queryKey: shopeeKeys.orders(query),
    queryFn: () => shopeeListsApi.orders(query),
    placeholderData: keepPreviousData,
  })
  const filtered = Boolean(apiEnv || filters.status || filters.q)

  return (
    <div className="flex flex-col gap-y-3">
      <ShopeePageHeader title="Shopee orders" description="Orders received from Shopee, in every environment, and the Medusa order each became." />
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-end gap-3 px-6 py-4" data-testid="order-filters">
          <FilterSelect label="Status" value={filters.status} options={STATUS_OPTIONS} onChange={(status) => update({ status })} />
          <FilterSelect label="Env" value={env === "all" ? "" : env} options={ENV_FILTER_OPTIONS} onChange={(next) => update({ env: next })} />
          <OrderSearch value={filters.q} onChange={(q) => update({ q })} />
        </div>
        {orders.isPending ? (
          <ListLoading label="Shopee orders" />
        ) : orders.isError ? (
          <ListError title="The Shopee orders could not be loaded" error={orders.error} onRetry={() => orders.refetch()} />
        ) : orders.data.orders.length === 0 ? (
          <ListEmpty>{filtered ? "No Shopee orders match these filters." : "No Shopee orders yet."}</ListEmpty>
        ) : (
          <div>
            <Table data-testid="orders-table">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Order SN</Table.HeaderCell>
                  <Table.HeaderCell>Env</Table.HeaderCell>
                  <Table.HeaderCell>Shopee status</Table.HeaderCell>
                  <Table.HeaderCell>Import</Table.HeaderCell>
                  <Table.HeaderCell>Buyer</Table.HeaderCell>
                  <Table.HeaderCell>Total</Table.HeaderCell>
                  <Table.HeaderCell>Last sync</Table.HeaderCell>
                  <Table.HeaderCell>Medusa order</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {orders.data.orders.map((row) => (
                  <Table.Row key={row.id} data-testid={`order-row-${row.order_sn}`}>
                    <Table.Cell className="font-mono">{row.order_sn}</Table.Cell>
                    <Table.Cell>
                      <EnvBadge environment={row.environment} />
                    </Table.Cell>
                    <Table.Cell>
                      {row.shopee_status ? (
                        <Badge size="2xsmall">{row.shopee_status}</Badge>
                      ) : (
                        <Text size="small" className="text-ui-fg-muted">
                          —
                        </Text>
                      )}
                    </Table.Cell>
                    <Table.Cell title={row.state_reason ?? undefined}>
                      <StatusBadge color={STATE_COLORS[row.state] ?? "grey"}>{statusLabel(row.state)}</StatusBadge>
                    </Table.Cell>
                    <Table.Cell>{row.buyer_username ?? "—"}</Table.Cell>
                    <Table.Cell>{formatAmount(row.total_amount, row.currency)}</Table.Cell>
                    <Table.Cell>{formatDate(row.last_synced_at)}</Table.Cell>
                    <Table.Cell>
                      <MedusaOrderLink row={row} />
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            <ListPager
              count={orders.data.count}
              limit={orders.data.limit ?? PAGE_SIZE}
              offset={orders.data.offset ?? offset}
              onOffset={(next) => update({ offset: String(next) })}
            />
          </div>
        )}
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Orders", rank: 2 })

export default ShopeeOrdersPage

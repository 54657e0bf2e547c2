import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, StatusBadge, Text, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { EnvBadge } from "../../../components/env-badge"
import { EventDetailsDrawer } from "../../../components/event-details-drawer"
import { FilterSelect } from "../../../components/filter-select"
import { isPendingFor, RowActions } from "../../../components/row-actions"
import { defineShopeeList, ShopeeResourceList } from "../../../components/shopee-resource-list"
import { shopeeListsApi } from "../../../lib/api"
import { formatDate } from "../../../lib/format-date"
import { useListParams } from "../../../lib/list-params"
import { toastOutcome } from "../../../lib/outcome-toast"
import { FILTERABLE_PUSH_CODES, pushCodeLabel } from "../../../lib/push-codes"
import { shopeeKeys } from "../../../lib/query-keys"
import { errorMessage } from "../../../lib/sdk"
import { EVENT_STATUS_OPTIONS, statusLabel } from "../../../lib/statuses"
import type { RawEvent } from "../../../lib/types"

const CODE_OPTIONS = FILTERABLE_PUSH_CODES.map((code) => ({ value: String(code), label: `${code} · ${pushCodeLabel(code)}` }))

const STATUS_COLORS: Record<string, "green" | "orange" | "red" | "grey" | "blue"> = {
  processed: "green",
  pending: "blue",
  failed: "red",
  rejected: "red",
  ignored: "grey",
  duplicate: "grey",
}

const LIST = defineShopeeList({
  resource: "events",
  title: "Shopee events",
  description: "The pushes Shopee sent, stored before they were acknowledged; open one for its raw body, or replay it.",
  statusOptions: EVENT_STATUS_OPTIONS,
  noun: "events",
  empty: "No pushes received yet.",
  rowClassName: "[&_td]:align-top",
  columns: [
    { header: "Received", className: "whitespace-nowrap", cell: (event) => formatDate(event.created_at) },
    {
      header: "Code",
      className: "whitespace-nowrap",
      cell: (event) => (
        <>
          <span className="font-mono">{event.code ?? "—"}</span> <span className="text-ui-fg-subtle">{pushCodeLabel(event.code)}</span>
        </>
      ),
    },
    { header: "Env", cell: (event) => <EnvBadge environment={event.environment} /> },
    { header: "Order SN", className: "font-mono", cell: (event) => event.order_sn ?? "—" },
    {
      header: "Signature",
      cell: (event) => (
        <Badge size="2xsmall" color={event.signature_ok ? "green" : "red"}>
          {event.signature_ok ? "Verified" : "Failed"}
        </Badge>
      ),
    },
    {
      header: "Processing",
      className: "max-w-[320px] whitespace-normal break-words py-2",
      cell: (event) => (
        <>
          <StatusBadge color={STATUS_COLORS[event.status] ?? "grey"}>{statusLabel(event.status)}</StatusBadge>
          {(event.status_reason || event.last_error || event.parse_error) && (
            <Text size="xsmall" className="text-ui-fg-muted">
              {event.last_error ?? event.parse_error ?? event.status_reason}
            </Text>
          )}
        </>
      ),
    },
    { header: "Attempts", cell: (event) => event.attempts },
  ],
})

/** Every push as it arrived: what it was, whether its signature verified, and what became of it. */
const ShopeeEventsPage = () => {
  const queryClient = useQueryClient()
  const [openId, setOpenId] = useState<string | null>(null)
  const params = useListParams(["status", "code"] as const)

  const replay = useMutation({
    mutationFn: (event: RawEvent) => shopeeListsApi.replayEvent(event.id),
    onSuccess: (answer, event) => toastOutcome("Replay", `${event.code ?? "?"} · ${pushCodeLabel(event.code)}`, answer?.outcome),
    onError: (error) => toast.error("Could not replay the push", { description: errorMessage(error) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: shopeeKeys.all }),
  })

  return (
    <ShopeeResourceList
      list={LIST}
      params={params}
      moreFilters={
        <FilterSelect label="Code" value={params.filters.code} options={CODE_OPTIONS} onChange={(code) => params.update({ code })} />
      }
      rowActions={(event) => (
        <RowActions
          actions={[
            { label: "Details", variant: "transparent", onClick: () => setOpenId(event.id) },
            { label: "Replay", variant: "secondary", busy: isPendingFor(replay, event.id), onClick: () => replay.mutate(event) },
          ]}
        />
      )}
    >
      <EventDetailsDrawer eventId={openId} onClose={() => setOpenId(null)} />
    </ShopeeResourceList>
  )
}

export const config = defineRouteConfig({ label: "Events", rank: 4 })

export default ShopeeEventsPage

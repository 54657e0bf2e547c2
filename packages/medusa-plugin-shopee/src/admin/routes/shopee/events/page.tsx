import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { EnvBadge } from "../../../components/env-badge"
import { EventDetailsDrawer } from "../../../components/event-details-drawer"
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
import { toastOutcome } from "../../../lib/outcome-toast"
import { FILTERABLE_PUSH_CODES, pushCodeName } from "../../../lib/push-codes"
import { shopeeKeys } from "../../../lib/query-keys"
import { errorMessage } from "../../../lib/sdk"
import { EVENT_STATUS_OPTIONS, statusLabel } from "../../../lib/statuses"
import type { RawEvent } from "../../../lib/types"

const CODE_OPTIONS = FILTERABLE_PUSH_CODES.map((code) => ({ value: String(code), label: `${code} · ${pushCodeName(code)}` }))

const STATUS_COLORS: Record<string, "green" | "orange" | "red" | "grey" | "blue"> = {
  processed: "green",
  pending: "blue",
  failed: "red",
  rejected: "red",
  ignored: "grey",
  duplicate: "grey",
}

/** Every push as it arrived: what it was, whether its signature verified, and what became of it. */
const ShopeeEventsPage = () => {
  const queryClient = useQueryClient()
  const [openId, setOpenId] = useState<string | null>(null)
  const { env, apiEnv, filters, offset, update } = useListParams(["status", "code"] as const)
  const query = { env: apiEnv, status: filters.status || undefined, code: filters.code || undefined, limit: PAGE_SIZE, offset }
  const events = useQuery({
    queryKey: shopeeKeys.events(query),
    queryFn: () => shopeeListsApi.events(query),
    placeholderData: keepPreviousData,
  })

  const replay = useMutation({
    mutationFn: (event: RawEvent) => shopeeListsApi.replayEvent(event.id),
    onSuccess: (answer, event) => toastOutcome("Replay", `${event.code ?? "?"} · ${pushCodeName(event.code)}`, answer?.outcome),
    onError: (error) => toast.error("Could not replay the push", { description: errorMessage(error) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: shopeeKeys.all }),
  })
  const filtered = Boolean(apiEnv || filters.status || filters.code)

  return (
    <div className="flex flex-col gap-y-3">
      <ShopeePageHeader
        title="Shopee events"
        description="The pushes Shopee sent, stored before they were acknowledged; open one for its raw body, or replay it."
      />
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-end gap-3 px-6 py-4" data-testid="event-filters">
          <FilterSelect label="Status" value={filters.status} options={EVENT_STATUS_OPTIONS} onChange={(status) => update({ status })} />
          <FilterSelect label="Env" value={env === "all" ? "" : env} options={ENV_FILTER_OPTIONS} onChange={(next) => update({ env: next })} />
          <FilterSelect label="Code" value={filters.code} options={CODE_OPTIONS} onChange={(code) => update({ code })} />
        </div>
        {events.isPending ? (
          <ListLoading label="events" />
        ) : events.isError ? (
          <ListError title="The events could not be loaded" error={events.error} onRetry={() => events.refetch()} />
        ) : events.data.events.length === 0 ? (
          <ListEmpty>{filtered ? "No events match these filters." : "No pushes received yet."}</ListEmpty>
        ) : (
          <div>
            <Table data-testid="events-table">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Received</Table.HeaderCell>
                  <Table.HeaderCell>Code</Table.HeaderCell>
                  <Table.HeaderCell>Env</Table.HeaderCell>
                  <Table.HeaderCell>Order SN</Table.HeaderCell>
                  <Table.HeaderCell>Signature</Table.HeaderCell>
                  <Table.HeaderCell>Processing</Table.HeaderCell>
                  <Table.HeaderCell>Attempts</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Actions</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {events.data.events.map((event) => (
                  <Table.Row key={event.id} data-testid={`event-row-${event.id}`} className="[&_td]:align-top">
                    <Table.Cell className="whitespace-nowrap">{formatDate(event.created_at)}</Table.Cell>
                    <Table.Cell className="whitespace-nowrap">
                      <span className="font-mono">{event.code ?? "—"}</span>{" "}
                      <span className="text-ui-fg-subtle">{pushCodeName(event.code)}</span>
                    </Table.Cell>
                    <Table.Cell>
                      <EnvBadge environment={event.environment} />
                    </Table.Cell>
                    <Table.Cell className="font-mono">{event.order_sn ?? "—"}</Table.Cell>
                    <Table.Cell>
                      <Badge size="2xsmall" color={event.signature_ok ? "green" : "red"}>
                        {event.signature_ok ? "Verified" : "Failed"}
                      </Badge>
                    </Table.Cell>
                    <Table.Cell className="max-w-[320px] whitespace-normal break-words py-2">
                      <StatusBadge color={STATUS_COLORS[event.status] ?? "grey"}>{statusLabel(event.status)}</StatusBadge>
                      {(event.status_reason || event.last_error || event.parse_error) && (
                        <Text size="xsmall" className="text-ui-fg-muted">
                          {event.last_error ?? event.parse_error ?? event.status_reason}
                        </Text>
                      )}
                    </Table.Cell>
                    <Table.Cell>{event.attempts}</Table.Cell>
                    <Table.Cell>
                      <div className="flex justify-end gap-x-2">
                        <Button size="small" variant="transparent" onClick={() => setOpenId(event.id)}>
                          Details
                        </Button>
                        <Button
                          size="small"
                          variant="secondary"
                          isLoading={replay.isPending && replay.variables?.id === event.id}
                          onClick={() => replay.mutate(event)}
                        >
                          Replay
                        </Button>
                      </div>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            <ListPager
              count={events.data.count}
              limit={events.data.limit ?? PAGE_SIZE}
              offset={events.data.offset ?? offset}
              onOffset={(next) => update({ offset: String(next) })}
            />
          </div>
        )}
      </Container>
      <EventDetailsDrawer eventId={openId} onClose={() => setOpenId(null)} />
    </div>
  )
}

export const config = defineRouteConfig({ label: "Events", rank: 4 })

export default ShopeeEventsPage

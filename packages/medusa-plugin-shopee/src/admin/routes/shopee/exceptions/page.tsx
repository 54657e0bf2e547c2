import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
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
import { toastOutcome } from "../../../lib/outcome-toast"
import { shopeeKeys } from "../../../lib/query-keys"
import { errorMessage } from "../../../lib/sdk"
import { EXCEPTION_STATUS_OPTIONS, statusLabel } from "../../../lib/statuses"
import type { ConnectorException } from "../../../lib/types"

const STATUS_COLORS: Record<string, "red" | "orange" | "green" | "grey"> = {
  open: "red",
  retrying: "orange",
  resolved: "green",
}

/** What needs a person: each exception's error, its attempts, and Retry or Resolve. */
const ShopeeExceptionsPage = () => {
  const queryClient = useQueryClient()
  const { env, apiEnv, filters, offset, update } = useListParams(["status", "kind"] as const)
  const query = { env: apiEnv, status: filters.status || undefined, kind: filters.kind || undefined, limit: PAGE_SIZE, offset }
  const exceptions = useQuery({
    queryKey: shopeeKeys.exceptions(query),
    queryFn: () => shopeeListsApi.exceptions(query),
    placeholderData: keepPreviousData,
  })
  const refresh = () => queryClient.invalidateQueries({ queryKey: shopeeKeys.all })

  const retry = useMutation({
    mutationFn: (exception: ConnectorException) => shopeeListsApi.retryException(exception.id),
    onSuccess: (answer, exception) => toastOutcome("Retry", `${exception.kind} ${exception.payload_ref ?? ""}`.trim(), answer?.outcome),
    onError: (error) => toast.error("Could not retry the exception", { description: errorMessage(error) }),
    onSettled: refresh,
  })
  const resolve = useMutation({
    mutationFn: (exception: ConnectorException) => shopeeListsApi.resolveException(exception.id),
    onSuccess: (_, exception) => toast.success("Exception resolved", { description: `${exception.kind} ${exception.payload_ref ?? ""}`.trim() }),
    onError: (error) => toast.error("Could not resolve the exception", { description: errorMessage(error) }),
    onSettled: refresh,
  })
  const busy = (mutation: typeof retry | typeof resolve, id: string) => mutation.isPending && mutation.variables?.id === id
  const filtered = Boolean(apiEnv || filters.status || filters.kind)

  return (
    <div className="flex flex-col gap-y-3">
      <ShopeePageHeader
        title="Shopee exceptions"
        description="What the connector could not do by itself: retry it once the cause is fixed, or resolve it by hand."
      />
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-end gap-3 px-6 py-4" data-testid="exception-filters">
          <FilterSelect label="Status" value={filters.status} options={EXCEPTION_STATUS_OPTIONS} onChange={(status) => update({ status })} />
          <FilterSelect label="Env" value={env === "all" ? "" : env} options={ENV_FILTER_OPTIONS} onChange={(next) => update({ env: next })} />
          {filters.kind && (
            <Badge size="small" className="cursor-pointer" onClick={() => update({ kind: "" })} title="Remove this filter">
              Kind: {filters.kind} ✕
            </Badge>
          )}
        </div>
        {exceptions.isPending ? (
          <ListLoading label="exceptions" />
        ) : exceptions.isError ? (
          <ListError title="The exceptions could not be loaded" error={exceptions.error} onRetry={() => exceptions.refetch()} />
        ) : exceptions.data.exceptions.length === 0 ? (
          <ListEmpty>{filtered ? "No exceptions match these filters." : "No exceptions: nothing needs a person."}</ListEmpty>
        ) : (
          <div>
            <Table data-testid="exceptions-table">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Kind</Table.HeaderCell>
                  <Table.HeaderCell>Env</Table.HeaderCell>
                  <Table.HeaderCell>Error</Table.HeaderCell>
                  <Table.HeaderCell>About</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell>Attempts</Table.HeaderCell>
                  <Table.HeaderCell>Raised</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Actions</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {exceptions.data.exceptions.map((exception) => (
                  <Table.Row key={exception.id} data-testid={`exception-row-${exception.id}`} className="[&_td]:align-top">
                    <Table.Cell className="font-mono whitespace-nowrap">{exception.kind}</Table.Cell>
                    <Table.Cell>
                      <EnvBadge environment={exception.environment} />
                    </Table.Cell>
                    <Table.Cell className="max-w-[420px] whitespace-normal break-words py-2">
                      <Text size="small">{exception.message}</Text>
                    </Table.Cell>
                    <Table.Cell className="font-mono">{exception.payload_ref ?? "—"}</Table.Cell>
                    <Table.Cell>
                      <StatusBadge color={STATUS_COLORS[exception.status] ?? "grey"}>{statusLabel(exception.status)}</StatusBadge>
                      {exception.next_attempt_at && exception.status !== "resolved" && (
                        <Text size="xsmall" className="text-ui-fg-muted">
                          Next try {formatDate(exception.next_attempt_at)}
                        </Text>
                      )}
                    </Table.Cell>
                    <Table.Cell data-testid="exception-attempts">{exception.attempts}</Table.Cell>
                    <Table.Cell className="whitespace-nowrap">{formatDate(exception.created_at)}</Table.Cell>
                    <Table.Cell>
                      {exception.status === "resolved" ? (
                        <Text size="xsmall" className="text-ui-fg-muted text-right">
                          Resolved {formatDate(exception.resolved_at)}
                        </Text>
                      ) : (
                        <div className="flex justify-end gap-x-2">
                          <Button
                            size="small"
                            variant="secondary"
                            isLoading={busy(retry, exception.id)}
                            disabled={busy(resolve, exception.id)}
                            onClick={() => retry.mutate(exception)}
                          >
                            Retry
                          </Button>
                          <Button
                            size="small"
                            variant="transparent"
                            isLoading={busy(resolve, exception.id)}
                            disabled={busy(retry, exception.id)}
                            onClick={() => resolve.mutate(exception)}
                          >
                            Resolve
                          </Button>
                        </div>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            <ListPager
              count={exceptions.data.count}
              limit={exceptions.data.limit ?? PAGE_SIZE}
              offset={exceptions.data.offset ?? offset}
              onOffset={(next) => update({ offset: String(next) })}
            />
          </div>
        )}
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Exceptions", rank: 3 })

export default ShopeeExceptionsPage

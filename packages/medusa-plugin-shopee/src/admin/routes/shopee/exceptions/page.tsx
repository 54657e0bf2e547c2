import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, StatusBadge, Text, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { EnvBadge } from "../../../components/env-badge"
import { ShopeeListPage, type ListColumn } from "../../../components/shopee-list-page"
import { shopeeListsApi } from "../../../lib/api"
import { formatDate } from "../../../lib/format-date"
import { useListParams } from "../../../lib/list-params"
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

const COLUMNS: ListColumn<ConnectorException>[] = [
  { header: "Kind", className: "font-mono whitespace-nowrap", cell: (exception) => exception.kind },
  { header: "Env", cell: (exception) => <EnvBadge environment={exception.environment} /> },
  {
    header: "Error",
    className: "max-w-[420px] whitespace-normal break-words py-2",
    cell: (exception) => <Text size="small">{exception.message}</Text>,
  },
  { header: "About", className: "font-mono", cell: (exception) => exception.payload_ref ?? "—" },
  {
    header: "Status",
    cell: (exception) => (
      <>
        <StatusBadge color={STATUS_COLORS[exception.status] ?? "grey"}>{statusLabel(exception.status)}</StatusBadge>
        {exception.next_attempt_at && exception.status !== "resolved" && (
          <Text size="xsmall" className="text-ui-fg-muted">
            Next try {formatDate(exception.next_attempt_at)}
          </Text>
        )}
      </>
    ),
  },
  { header: "Attempts", cellProps: () => ({ "data-testid": "exception-attempts" }), cell: (exception) => exception.attempts },
  { header: "Raised", className: "whitespace-nowrap", cell: (exception) => formatDate(exception.created_at) },
]

/** What needs a person: each exception's error, its attempts, and Retry or Resolve. */
const ShopeeExceptionsPage = () => {
  const queryClient = useQueryClient()
  const params = useListParams(["status", "kind"] as const)
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

  return (
    <ShopeeListPage
      title="Shopee exceptions"
      description="What the connector could not do by itself: retry it once the cause is fixed, or resolve it by hand."
      queryKey={shopeeKeys.exceptions}
      read={shopeeListsApi.exceptions}
      rows={(answer) => answer.exceptions}
      columns={COLUMNS}
      rowActions={(exception) =>
        exception.status === "resolved" ? (
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
        )
      }
      params={params}
      statusOptions={EXCEPTION_STATUS_OPTIONS}
      moreFilters={
        params.filters.kind && (
          <Badge size="small" className="cursor-pointer" onClick={() => params.update({ kind: "" })} title="Remove this filter">
            Kind: {params.filters.kind} ✕
          </Badge>
        )
      }
      texts={{
        loading: "exceptions",
        error: "The exceptions could not be loaded",
        empty: "No exceptions: nothing needs a person.",
        emptyFiltered: "No exceptions match these filters.",
      }}
      testIds={{ filters: "exception-filters", table: "exceptions-table", row: (exception) => `exception-row-${exception.id}` }}
      rowClassName="[&_td]:align-top"
    />
  )
}

export const config = defineRouteConfig({ label: "Exceptions", rank: 3 })

export default ShopeeExceptionsPage

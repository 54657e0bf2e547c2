import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, StatusBadge, Text, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { EnvBadge } from "../../../components/env-badge"
import { isPendingFor, RowActions } from "../../../components/row-actions"
import { defineShopeeList, ShopeeResourceList } from "../../../components/shopee-resource-list"
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

const LIST = defineShopeeList({
  resource: "exceptions",
  title: "Shopee exceptions",
  description: "What the connector could not do by itself: retry it once the cause is fixed, or resolve it by hand.",
  statusOptions: EXCEPTION_STATUS_OPTIONS,
  noun: "exceptions",
  empty: "No exceptions: nothing needs a person.",
  rowClassName: "[&_td]:align-top",
  columns: [
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
    {
      header: "Raised",
      className: "whitespace-nowrap",
      cell: (exception) => (
        <>
          {formatDate(exception.first_seen_at ?? exception.created_at)}
          {exception.occurrences > 1 && (
            // A burst of the same failure (rejected pushes) folds into one row that counts it.
            <Text size="xsmall" className="text-ui-fg-muted" data-testid="exception-occurrences">
              {exception.occurrences} times, last {formatDate(exception.last_seen_at)}
            </Text>
          )}
        </>
      ),
    },
  ],
})

/** How the toasts name an exception: its kind and what it is about. */
const exceptionLabel = (exception: ConnectorException) => `${exception.kind} ${exception.payload_ref ?? ""}`.trim()

/** What needs a person: each exception's error, its attempts, and Retry or Resolve. */
const ShopeeExceptionsPage = () => {
  const queryClient = useQueryClient()
  const params = useListParams(["status", "kind"] as const)
  const refresh = () => queryClient.invalidateQueries({ queryKey: shopeeKeys.all })

  const retry = useMutation({
    mutationFn: (exception: ConnectorException) => shopeeListsApi.retryException(exception.id),
    onSuccess: (answer, exception) => toastOutcome("Retry", exceptionLabel(exception), answer?.outcome),
    onError: (error) => toast.error("Could not retry the exception", { description: errorMessage(error) }),
    onSettled: refresh,
  })
  const resolve = useMutation({
    mutationFn: (exception: ConnectorException) => shopeeListsApi.resolveException(exception.id),
    onSuccess: (_, exception) => toast.success("Exception resolved", { description: exceptionLabel(exception) }),
    onError: (error) => toast.error("Could not resolve the exception", { description: errorMessage(error) }),
    onSettled: refresh,
  })

  return (
    <ShopeeResourceList
      list={LIST}
      params={params}
      moreFilters={
        params.filters.kind && (
          <Badge size="small" className="cursor-pointer" onClick={() => params.update({ kind: "" })} title="Remove this filter">
            Kind: {params.filters.kind} ✕
          </Badge>
        )
      }
      rowActions={(exception) => {
        if (exception.status === "resolved") {
          return (
            <Text size="xsmall" className="text-ui-fg-muted text-right">
              Resolved {formatDate(exception.resolved_at)}
            </Text>
          )
        }
        // One request at a time per row: while one runs, the other button is disabled.
        const retrying = isPendingFor(retry, exception.id)
        const resolving = isPendingFor(resolve, exception.id)
        return (
          <RowActions
            actions={[
              { label: "Retry", variant: "secondary", busy: retrying, disabled: resolving, onClick: () => retry.mutate(exception) },
              { label: "Resolve", variant: "transparent", busy: resolving, disabled: retrying, onClick: () => resolve.mutate(exception) },
            ]}
          />
        )
      }}
    />
  )
}

export const config = defineRouteConfig({ label: "Exceptions", rank: 3 })

export default ShopeeExceptionsPage

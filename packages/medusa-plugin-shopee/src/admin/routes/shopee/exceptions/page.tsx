import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, StatusBadge, Text, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { EnvBadge } from "../../../components/env-badge"
import { isPendingFor, RowActions } from "../../../components/row-actions"
import { defineShopeeList, ShopeeResourceList } from "../../../components/shopee-resource-list"
import { shopeeListsApi } from "../../../lib/api"
import { useListParams } from "../../../lib/list-params"
import { toastOutcome } from "../../../lib/outcome-toast"
import { shopeeKeys } from "../../../lib/query-keys"
import { errorMessage } from "../../../lib/sdk"
import { EXCEPTION_STATUS_OPTIONS, statusLabel } from "../../../lib/statuses"
import type { ConnectorException } from "../../../lib/types"
import { useLocaleFormat } from "../../../lib/use-locale-format"
import { useTranslation } from "react-i18next"

const STATUS_COLORS: Record<string, "red" | "orange" | "green" | "grey"> = {
  open: "red",
  retrying: "orange",
  resolved: "green",
}

const useExceptionsList = () => {
  const { t } = useTranslation()
  const format = useLocaleFormat()
  return defineShopeeList({
    resource: "exceptions",
    title: t("shopee.exceptions.title"),
    description: t("shopee.exceptions.description"),
    statusOptions: EXCEPTION_STATUS_OPTIONS.map((option) => ({ value: option.value, label: t(option.labelKey) })),
    noun: t("shopee.exceptions.noun"),
    loadError: t("shopee.exceptions.loadError"),
    empty: t("shopee.exceptions.empty"),
    emptyFiltered: t("shopee.exceptions.emptyFiltered"),
    rowClassName: "[&_td]:align-top",
    columns: [
      { header: t("shopee.exceptions.kind"), className: "font-mono whitespace-nowrap", cell: (exception) => exception.kind },
      { header: t("shopee.common.env"), cell: (exception) => <EnvBadge environment={exception.environment} /> },
      {
        header: t("shopee.exceptions.error"),
        className: "max-w-[420px] whitespace-normal break-words py-2",
        cell: (exception) => <Text size="small">{exception.message}</Text>,
      },
      { header: t("shopee.exceptions.about"), className: "font-mono", cell: (exception) => exception.payload_ref ?? "—" },
      {
        header: t("shopee.common.status"),
        cell: (exception) => (
          <>
            <StatusBadge color={STATUS_COLORS[exception.status] ?? "grey"}>{statusLabel(t, exception.status)}</StatusBadge>
            {exception.next_attempt_at && exception.status !== "resolved" && (
              <Text size="xsmall" className="text-ui-fg-muted">
                {t("shopee.exceptions.nextTry", { date: format.date(exception.next_attempt_at) })}
              </Text>
            )}
          </>
        ),
      },
      {
        header: t("shopee.common.attempts"),
        cellProps: () => ({ "data-testid": "exception-attempts" }),
        cell: (exception) => exception.attempts,
      },
      {
        header: t("shopee.exceptions.raised"),
        className: "whitespace-nowrap",
        cell: (exception) => (
          <>
            {format.date(exception.first_seen_at ?? exception.created_at)}
            {exception.occurrences > 1 && (
              // A burst of the same failure (rejected pushes) folds into one row that counts it.
              <Text size="xsmall" className="text-ui-fg-muted" data-testid="exception-occurrences">
                {t("shopee.common.timesLast", { count: exception.occurrences, date: format.date(exception.last_seen_at) })}
              </Text>
            )}
          </>
        ),
      },
    ],
  })
}

/** How the toasts name an exception: its kind and what it is about. */
const exceptionLabel = (exception: ConnectorException) => `${exception.kind} ${exception.payload_ref ?? ""}`.trim()

/** What needs a person: each exception's error, its attempts, and Retry or Resolve. */
const ShopeeExceptionsPage = () => {
  const { t } = useTranslation()
  const format = useLocaleFormat()
  const list = useExceptionsList()
  const queryClient = useQueryClient()
  const params = useListParams(["status", "kind"] as const)
  const refresh = () => queryClient.invalidateQueries({ queryKey: shopeeKeys.all })

  const retry = useMutation({
    mutationFn: (exception: ConnectorException) => shopeeListsApi.retryException(exception.id),
    onSuccess: (answer, exception) => toastOutcome(t, "retry", exceptionLabel(exception), answer?.outcome),
    onError: (error) => toast.error(t("shopee.exceptions.retryError"), { description: errorMessage(error) }),
    onSettled: refresh,
  })
  const resolve = useMutation({
    mutationFn: (exception: ConnectorException) => shopeeListsApi.resolveException(exception.id),
    onSuccess: (_, exception) => toast.success(t("shopee.exceptions.resolved"), { description: exceptionLabel(exception) }),
    onError: (error) => toast.error(t("shopee.exceptions.resolveError"), { description: errorMessage(error) }),
    onSettled: refresh,
  })

  return (
    <ShopeeResourceList
      list={list}
      params={params}
      moreFilters={
        params.filters.kind && (
          <Badge
            size="small"
            className="cursor-pointer"
            onClick={() => params.update({ kind: "" })}
            title={t("shopee.exceptions.removeFilter")}
          >
            {t("shopee.exceptions.kindFilter", { kind: params.filters.kind })} ✕
          </Badge>
        )
      }
      rowActions={(exception) => {
        if (exception.status === "resolved") {
          return (
            <Text size="xsmall" className="text-ui-fg-muted text-right">
              {t("shopee.exceptions.resolvedAt", { date: format.date(exception.resolved_at) })}
            </Text>
          )
        }
        // One request at a time per row: while one runs, the other button is disabled.
        const retrying = isPendingFor(retry, exception.id)
        const resolving = isPendingFor(resolve, exception.id)
        return (
          <RowActions
            actions={[
              {
                label: t("shopee.common.retry"),
                variant: "secondary",
                busy: retrying,
                disabled: resolving,
                onClick: () => retry.mutate(exception),
              },
              {
                label: t("shopee.exceptions.resolve"),
                variant: "transparent",
                busy: resolving,
                disabled: retrying,
                onClick: () => resolve.mutate(exception),
              },
            ]}
          />
        )
      }}
    />
  )
}

export const config = defineRouteConfig({ label: "shopee.nav.exceptions", translationNs: "translation", rank: 3 })

export default ShopeeExceptionsPage

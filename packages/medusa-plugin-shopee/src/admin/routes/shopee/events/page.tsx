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
import { useListParams } from "../../../lib/list-params"
import { toastOutcome } from "../../../lib/outcome-toast"
import { FILTERABLE_PUSH_CODES, pushCodeLabel } from "../../../lib/push-codes"
import { shopeeKeys } from "../../../lib/query-keys"
import { errorMessage } from "../../../lib/sdk"
import { EVENT_STATUS_OPTIONS, statusLabel } from "../../../lib/statuses"
import { translateText, type Translate } from "../../../lib/translate"
import type { RawEvent } from "../../../lib/types"
import { useLocaleFormat } from "../../../lib/use-locale-format"
import { useTranslation } from "react-i18next"

/** A push as the toasts and the filter name it: "3 · Order status update". */
const pushName = (t: Translate, code: number | null) => `${code ?? "?"} · ${translateText(t, pushCodeLabel(code))}`

const STATUS_COLORS: Record<string, "green" | "orange" | "red" | "grey" | "blue"> = {
  processed: "green",
  pending: "blue",
  failed: "red",
  rejected: "red",
  ignored: "grey",
  duplicate: "grey",
}

const useEventsList = () => {
  const { t } = useTranslation()
  const format = useLocaleFormat()
  return defineShopeeList({
    resource: "events",
    title: t("shopee.events.title"),
    description: t("shopee.events.description"),
    statusOptions: EVENT_STATUS_OPTIONS.map((option) => ({ value: option.value, label: t(option.labelKey) })),
    noun: t("shopee.events.noun"),
    loadError: t("shopee.events.loadError"),
    empty: t("shopee.events.empty"),
    emptyFiltered: t("shopee.events.emptyFiltered"),
    rowClassName: "[&_td]:align-top",
    columns: [
      { header: t("shopee.common.received"), className: "whitespace-nowrap", cell: (event) => format.date(event.created_at) },
      {
        header: t("shopee.events.code"),
        className: "whitespace-nowrap",
        cell: (event) => (
          <>
            <span className="font-mono">{event.code ?? "—"}</span>{" "}
            <span className="text-ui-fg-subtle">{translateText(t, pushCodeLabel(event.code))}</span>
          </>
        ),
      },
      { header: t("shopee.common.env"), cell: (event) => <EnvBadge environment={event.environment} /> },
      { header: t("shopee.common.orderSn"), className: "font-mono", cell: (event) => event.order_sn ?? "—" },
      {
        header: t("shopee.events.signature"),
        cell: (event) => (
          <Badge size="2xsmall" color={event.signature_ok ? "green" : "red"}>
            {event.signature_ok ? t("shopee.common.verified") : t("shopee.common.failed")}
          </Badge>
        ),
      },
      {
        header: t("shopee.events.processing"),
        className: "max-w-[320px] whitespace-normal break-words py-2",
        cell: (event) => (
          <>
            <StatusBadge color={STATUS_COLORS[event.status] ?? "grey"}>{statusLabel(t, event.status)}</StatusBadge>
            {(event.status_reason || event.last_error || event.parse_error) && (
              <Text size="xsmall" className="text-ui-fg-muted">
                {event.last_error ?? event.parse_error ?? event.status_reason}
              </Text>
            )}
          </>
        ),
      },
      { header: t("shopee.common.attempts"), cell: (event) => event.attempts },
    ],
  })
}

/** Every push as it arrived: what it was, whether its signature verified, and what became of it. */
const ShopeeEventsPage = () => {
  const { t } = useTranslation()
  const list = useEventsList()
  const codeOptions = FILTERABLE_PUSH_CODES.map((code) => ({ value: String(code), label: pushName(t, code) }))
  const queryClient = useQueryClient()
  const [openId, setOpenId] = useState<string | null>(null)
  const params = useListParams(["status", "code"] as const)

  const replay = useMutation({
    mutationFn: (event: RawEvent) => shopeeListsApi.replayEvent(event.id),
    onSuccess: (answer, event) => toastOutcome(t, "replay", pushName(t, event.code), answer?.outcome),
    onError: (error) => toast.error(t("shopee.events.replayError"), { description: errorMessage(error) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: shopeeKeys.all }),
  })

  return (
    <ShopeeResourceList
      list={list}
      params={params}
      moreFilters={
        <FilterSelect
          label={t("shopee.events.code")}
          value={params.filters.code}
          options={codeOptions}
          onChange={(code) => params.update({ code })}
        />
      }
      rowActions={(event) => (
        <RowActions
          actions={[
            { label: t("shopee.events.details"), variant: "transparent", onClick: () => setOpenId(event.id) },
            {
              label: t("shopee.events.replay"),
              variant: "secondary",
              busy: isPendingFor(replay, event.id),
              onClick: () => replay.mutate(event),
            },
          ]}
        />
      )}
    >
      <EventDetailsDrawer eventId={openId} onClose={() => setOpenId(null)} />
    </ShopeeResourceList>
  )
}

export const config = defineRouteConfig({ label: "shopee.nav.events", translationNs: "translation", rank: 4 })

export default ShopeeEventsPage

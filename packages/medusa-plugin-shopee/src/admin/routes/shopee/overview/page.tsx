import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Container, Heading, Label, Switch, Text } from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { Link, useSearchParams } from "react-router-dom"
import { OverviewCharts } from "../../../components/overview/overview-charts"
import { ErrorSection, LoadingSection } from "../../../components/query-state"
import { ShopeePageHeader } from "../../../components/shopee-page-header"
import { shopeeListsApi } from "../../../lib/api"
import { shopeeKeys } from "../../../lib/query-keys"
import { orderedStatuses, statusLabel } from "../../../lib/statuses"
import type { Translate } from "../../../lib/translate"
import { environmentLabelKey, type DashboardSummary } from "../../../lib/types"
import { useLocaleFormat } from "../../../lib/use-locale-format"
import { useTranslation } from "react-i18next"

const CountCard = ({ title, count, to, note, testId }: { title: string; count: number; to?: string; note?: string; testId: string }) => {
  const body = (
    <div className="flex h-full flex-col gap-y-1 px-4 py-3">
      <Text size="small" className="text-ui-fg-subtle">
        {title}
      </Text>
      <Text size="xlarge" weight="plus" className="text-ui-fg-base" data-testid={`${testId}-count`}>
        {count}
      </Text>
      {note && (
        <Text size="xsmall" className="text-ui-fg-muted">
          {note}
        </Text>
      )}
    </div>
  )
  return to ? (
    <Link
      to={to}
      data-testid={testId}
      className="bg-ui-bg-base shadow-elevation-card-rest hover:shadow-elevation-card-hover rounded-lg transition-fg focus-visible:shadow-borders-focus outline-none"
    >
      {body}
    </Link>
  ) : (
    <div data-testid={testId} className="bg-ui-bg-base shadow-elevation-card-rest rounded-lg">
      {body}
    </div>
  )
}

/** The environment a card's list opens with: the scope of the counts. */
function listUrl(path: string, summary: DashboardSummary, extra: Record<string, string> = {}) {
  const params = new URLSearchParams({ env: summary.env_filter, ...extra })
  return `${path}?${params.toString()}`
}

function scopeText(t: Translate, summary: DashboardSummary): string {
  if (summary.env_filter === "all") return t("shopee.overview.scopeAll")
  const env = t(environmentLabelKey(summary.env_filter))
  return summary.env_filter === summary.active_environment
    ? t("shopee.overview.scopeActive", { env })
    : t("shopee.overview.scopeEnv", { env })
}

const Cards = ({ summary }: { summary: DashboardSummary }) => {
  const { t } = useTranslation()
  const format = useLocaleFormat()
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-3 px-6 py-4">
        <Heading level="h2">{t("shopee.overview.orders")}</Heading>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-6">
          <CountCard
            title={t("shopee.overview.allOrders")}
            count={summary.orders.total}
            to={listUrl("/shopee/orders", summary)}
            testId="card-orders"
          />
          {orderedStatuses(summary.orders.by_status).map(([status, count]) => (
            <CountCard
              key={status}
              title={statusLabel(t, status)}
              count={count}
              to={listUrl("/shopee/orders", summary, { status })}
              testId={`card-orders-${status}`}
            />
          ))}
        </div>
        {summary.orders.without_status > 0 && (
          <Text size="xsmall" className="text-ui-fg-muted">
            {t("shopee.overview.withoutStatus", { count: summary.orders.without_status })}
          </Text>
        )}
        {summary.orders.total === 0 && (
          <Text size="small" className="text-ui-fg-subtle">
            {t("shopee.overview.noOrders")}
          </Text>
        )}
      </Container>
      <Container className="flex flex-col gap-y-3 px-6 py-4">
        <Heading level="h2">{t("shopee.overview.needsAttention")}</Heading>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3">
          <CountCard
            title={t("shopee.overview.openExceptions")}
            count={summary.open_exceptions}
            to={listUrl("/shopee/exceptions", summary, { status: "open,retrying" })}
            testId="card-open-exceptions"
          />
          <CountCard
            title={t("shopee.overview.unprocessedEvents")}
            count={summary.unprocessed_events}
            to={listUrl("/shopee/events", summary, { status: "pending,failed" })}
            testId="card-unprocessed-events"
          />
          <CountCard
            title={t("shopee.overview.lowStock")}
            count={summary.low_stock_items}
            to="/inventory"
            note={t("shopee.overview.lowStockNote", { threshold: format.number(summary.low_stock_threshold) })}
            testId="card-low-stock"
          />
          <CountCard
            title={t("shopee.overview.rejectedPushes")}
            count={summary.rejected_pushes.stored}
            to={listUrl("/shopee/events", summary, { status: "rejected" })}
            note={t("shopee.overview.rejectedNote", {
              size: format.bytes(summary.rejected_pushes.bytes),
              refused: format.number(summary.rejected_pushes.refused),
              count: summary.rejected_pushes.retention_days,
            })}
            testId="card-rejected-pushes"
          />
        </div>
      </Container>
    </div>
  )
}

/**
 * The connector at a glance. Counts are scoped to the active environment unless "View all envs"
 * is on (`?env=all`, kept in the URL); a card opens its list with the same scope.
 */
const ShopeeOverviewPage = () => {
  const { t } = useTranslation()
  const [searchParams, setSearchParams] = useSearchParams()
  const allEnvs = searchParams.get("env") === "all"
  const summary = useQuery({
    queryKey: shopeeKeys.summary(allEnvs ? "all" : "active"),
    queryFn: () => shopeeListsApi.summary(allEnvs ? "all" : undefined),
    placeholderData: keepPreviousData,
  })

  const toggle = (checked: boolean) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current)
        if (checked) next.set("env", "all")
        else next.delete("env")
        return next
      },
      { replace: true }
    )

  return (
    <div className="flex flex-col gap-y-3">
      <ShopeePageHeader title={t("shopee.overview.title")} description={t("shopee.overview.description")}>
        <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-3">
          {summary.data ? (
            <Badge size="small" rounded="full" color={summary.data.env_filter === "all" ? "grey" : "blue"} data-testid="scope-pill">
              {scopeText(t, summary.data)}
            </Badge>
          ) : (
            <span />
          )}
          <div className="flex items-center gap-x-2">
            <Switch id="view-all-envs" checked={allEnvs} onCheckedChange={toggle} />
            <Label htmlFor="view-all-envs" size="small">
              {t("shopee.overview.viewAll")}
            </Label>
          </div>
        </div>
      </ShopeePageHeader>
      {summary.isPending ? (
        <LoadingSection label={t("shopee.overview.countsLabel")} />
      ) : summary.isError ? (
        <ErrorSection title={t("shopee.overview.countsError")} error={summary.error} onRetry={() => summary.refetch()} />
      ) : (
        <Cards summary={summary.data} />
      )}
      <OverviewCharts env={allEnvs ? "all" : undefined} />
    </div>
  )
}

export const config = defineRouteConfig({ label: "shopee.nav.overview", translationNs: "translation", rank: 1 })

export default ShopeeOverviewPage

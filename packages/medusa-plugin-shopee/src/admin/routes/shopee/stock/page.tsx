import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, StatusBadge, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { StockPlanTable } from "../../../components/stock/stock-plan-table"
import { StockSettingsCard } from "../../../components/stock/stock-settings-card"
import { ShopeeListPage, type ListColumn } from "../../../components/shopee-list-page"
import { shopeeApi } from "../../../lib/api"
import { useListParams } from "../../../lib/list-params"
import { shopeeKeys } from "../../../lib/query-keys"
import { errorMessage } from "../../../lib/sdk"
import { stockApi, stockKeys, stockModeLabelKey, type StockRunView } from "../../../lib/stock-api"
import type { Translate } from "../../../lib/translate"
import { environmentLabelKey, type ShopeeEnvironment } from "../../../lib/types"
import { useLocaleFormat } from "../../../lib/use-locale-format"
import { useTranslation } from "react-i18next"

const STATUS_COLORS: Record<string, "green" | "orange" | "red" | "grey" | "blue"> = {
  succeeded: "green",
  partial: "orange",
  failed: "red",
  refused: "red",
  planned: "grey",
  planning: "blue",
  writing: "blue",
}
const runColumns = (t: Translate, date: (value: string | null) => string): ListColumn<StockRunView>[] => [
  { header: t("shopee.stock.started"), cell: (run) => date(run.created_at) },
  { header: t("shopee.stock.run"), cell: (run) => `${t(`shopee.stock.trigger.${run.trigger}`)} · ${t(stockModeLabelKey(run.mode))}` },
  {
    header: t("shopee.common.status"),
    className: "max-w-[320px] whitespace-normal py-2",
    cell: (run) => (
      <>
        <StatusBadge color={STATUS_COLORS[run.status] ?? "grey"}>
          {t(`shopee.stock.runStatus.${run.status}`, { defaultValue: run.status })}
        </StatusBadge>
        {run.reason && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            {run.reason}
          </Text>
        )}
      </>
    ),
  },
  { header: t("shopee.stock.models"), cell: (run) => String(run.models) },
  {
    header: t("shopee.stock.progress"),
    cell: (run) => t("shopee.stock.progressLine", { sent: run.sent, toWrite: run.to_write, written: run.written, failed: run.failed }),
  },
]

/**
 * The stock writer of one environment: its arming, the latest plan, and the runs with their
 * progress; a run that wrote can be restored (a new run that writes the values from before it).
 */
const ShopeeStockPage = () => {
  const { t } = useTranslation()
  const format = useLocaleFormat()
  const queryClient = useQueryClient()
  const params = useListParams(["status"] as const)
  const active = useQuery({ queryKey: shopeeKeys.activeEnvironment(), queryFn: shopeeApi.activeEnvironment })
  const environment: ShopeeEnvironment | undefined = params.env === "all" ? active.data?.active_environment : params.env
  const state = useQuery({
    queryKey: stockKeys.state(environment ?? "sandbox"),
    queryFn: () => stockApi.state(environment!),
    enabled: !!environment,
    refetchInterval: 5_000,
  })
  const restore = useMutation({
    mutationFn: (run: StockRunView) => stockApi.restore(run.id),
    onSuccess: ({ run }) =>
      toast.success(t("shopee.stock.restored"), { description: t("shopee.stock.restoredDescription", { count: run.written }) }),
    onError: (error) => toast.error(t("shopee.stock.restoreError"), { description: errorMessage(error) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: shopeeKeys.all }),
  })

  if (!environment) return <Text size="small">{active.isError ? errorMessage(active.error) : t("shopee.common.loading")}</Text>
  return (
    <ShopeeListPage
      title={t("shopee.stock.title")}
      description={t("shopee.stock.description", { env: t(environmentLabelKey(environment)) })}
      queryKey={(query) => stockKeys.runs({ ...query, env: environment })}
      read={(query) => stockApi.runs(environment, query)}
      rows={(answer) => answer.runs}
      columns={runColumns(t, format.date)}
      rowActions={(run) =>
        run.written > 0 && run.environment === state.data?.active_environment ? (
          <div className="flex justify-end">
            <Button
              size="small"
              variant="secondary"
              isLoading={restore.isPending && restore.variables?.id === run.id}
              onClick={() => restore.mutate(run)}
            >
              {t("shopee.stock.restore")}
            </Button>
          </div>
        ) : null
      }
      params={params}
      statusOptions={[]}
      moreFilters={
        state.data ? (
          <div className="flex w-full flex-col gap-y-3">
            <StockSettingsCard state={state.data} />
            <StockPlanTable plan={state.data.latest_plan} />
          </div>
        ) : (
          <Text size="small">{state.isError ? errorMessage(state.error) : t("shopee.stock.loadingWriter")}</Text>
        )
      }
      texts={{
        loading: t("shopee.stock.runsNoun"),
        error: t("shopee.stock.runsError"),
        empty: t("shopee.stock.runsEmpty"),
        emptyFiltered: t("shopee.stock.runsEmptyFiltered"),
      }}
      testIds={{ filters: "stock-filters", table: "stock-runs-table", row: (run) => `stock-run-${run.id}` }}
    />
  )
}

export const config = defineRouteConfig({ label: "shopee.nav.stock", translationNs: "translation", rank: 2.6 })

export default ShopeeStockPage

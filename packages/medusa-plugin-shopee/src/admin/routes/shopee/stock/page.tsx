import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, StatusBadge, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { StockPlanTable } from "../../../components/stock/stock-plan-table"
import { StockSettingsCard } from "../../../components/stock/stock-settings-card"
import { ShopeeListPage, type ListColumn } from "../../../components/shopee-list-page"
import { shopeeApi } from "../../../lib/api"
import { formatDate } from "../../../lib/format-date"
import { useListParams } from "../../../lib/list-params"
import { shopeeKeys } from "../../../lib/query-keys"
import { errorMessage } from "../../../lib/sdk"
import { STOCK_MODE_LABELS, stockApi, stockKeys, type StockRunView } from "../../../lib/stock-api"
import type { ShopeeEnvironment } from "../../../lib/types"

const STATUS_COLORS: Record<string, "green" | "orange" | "red" | "grey" | "blue"> = {
  succeeded: "green",
  partial: "orange",
  failed: "red",
  refused: "red",
  planned: "grey",
  planning: "blue",
  writing: "blue",
}
const TRIGGER_LABELS: Record<StockRunView["trigger"], string> = {
  fast: "Sale or stock change",
  full: "Resync",
  dry_run: "Dry run",
  restore: "Restore",
}

const RUN_COLUMNS: ListColumn<StockRunView>[] = [
  { header: "Started", cell: (run) => formatDate(run.created_at) },
  { header: "Run", cell: (run) => `${TRIGGER_LABELS[run.trigger]} · ${STOCK_MODE_LABELS[run.mode]}` },
  {
    header: "Status",
    className: "max-w-[320px] whitespace-normal py-2",
    cell: (run) => (
      <>
        <StatusBadge color={STATUS_COLORS[run.status] ?? "grey"}>{run.status}</StatusBadge>
        {run.reason && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            {run.reason}
          </Text>
        )}
      </>
    ),
  },
  { header: "Models", cell: (run) => String(run.models) },
  { header: "Progress", cell: (run) => `${run.sent}/${run.to_write} sent · ${run.written} written · ${run.failed} failed` },
]

/**
 * The stock writer of one environment: its arming, the latest plan, and the runs with their
 * progress; a run that wrote can be restored (a new run that writes the values from before it).
 */
const ShopeeStockPage = () => {
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
    onSuccess: ({ run }) => toast.success("Prior values restored", { description: `${run.written} model(s) written back` }),
    onError: (error) => toast.error("The run was not restored", { description: errorMessage(error) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: shopeeKeys.all }),
  })

  if (!environment) return <Text size="small">{active.isError ? errorMessage(active.error) : "Loading…"}</Text>
  return (
    <ShopeeListPage
      title="Shopee stock"
      description={`What the ${environment} shop shows of Medusa's stock. The writer is off until you arm it; it plans before it writes and refuses a plan that looks like a broken read.`}
      queryKey={(query) => stockKeys.runs({ ...query, env: environment })}
      read={(query) => stockApi.runs(environment, query)}
      rows={(answer) => answer.runs}
      columns={RUN_COLUMNS}
      rowActions={(run) =>
        run.written > 0 && run.environment === state.data?.active_environment ? (
          <div className="flex justify-end">
            <Button
              size="small"
              variant="secondary"
              isLoading={restore.isPending && restore.variables?.id === run.id}
              onClick={() => restore.mutate(run)}
            >
              Restore
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
          <Text size="small">{state.isError ? errorMessage(state.error) : "Loading the stock writer…"}</Text>
        )
      }
      texts={{
        loading: "stock runs",
        error: "The stock runs could not be loaded",
        empty: "No stock run yet.",
        emptyFiltered: "No stock run matches.",
      }}
      testIds={{ filters: "stock-filters", table: "stock-runs-table", row: (run) => `stock-run-${run.id}` }}
    />
  )
}

export const config = defineRouteConfig({ label: "Stock", rank: 2.6 })

export default ShopeeStockPage

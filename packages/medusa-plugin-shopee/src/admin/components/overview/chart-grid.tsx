import { useTranslation } from "react-i18next"
import type { DashboardCharts } from "./charts-api"
import { ChartCard } from "./chart-card"
import OpenExceptionsPlot from "./open-exceptions-plot"
import OrdersPerDayPlot from "./orders-per-day-plot"
import PushAcknowledgementPlot from "./push-acknowledgement-plot"
import StockWritesPlot from "./stock-writes-plot"

/**
 * The four charts, each with its empty state. Not loaded lazily: `medusa plugin:build` writes a
 * lazy chunk without a file extension, and the admin's Tailwind, which scans the plugin's built
 * files by extension, would then miss every class of the plugin's pages.
 */
export const ChartGrid = ({ charts }: { charts: DashboardCharts }) => {
  const { t } = useTranslation()
  const { orders_per_day, push_acknowledgement, open_exceptions, stock_writes } = charts
  return (
    <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
      <ChartCard
        testId="chart-orders-per-day"
        title={t("shopee.overviewCharts.ordersPerDay.title")}
        description={t("shopee.overviewCharts.ordersPerDay.description")}
        empty={orders_per_day.days.every((day) => day.total === 0)}
        emptyText={t("shopee.overviewCharts.ordersPerDay.empty")}
      >
        <OrdersPerDayPlot data={orders_per_day} />
      </ChartCard>
      <ChartCard
        testId="chart-push-acknowledgement"
        title={t("shopee.overviewCharts.pushes.title")}
        description={t("shopee.overviewCharts.pushes.description", {
          count: push_acknowledgement.thresholds.min_pushes,
          hours: push_acknowledgement.thresholds.window_hours,
        })}
        empty={push_acknowledgement.hours.every((hour) => hour.received === 0)}
        emptyText={t("shopee.overviewCharts.pushes.empty")}
      >
        <PushAcknowledgementPlot data={push_acknowledgement} />
      </ChartCard>
      <ChartCard
        testId="chart-open-exceptions"
        title={t("shopee.overviewCharts.exceptions.title")}
        description={t("shopee.overviewCharts.exceptions.description")}
        empty={open_exceptions.kinds.length === 0}
        emptyText={t("shopee.overviewCharts.exceptions.empty")}
      >
        <OpenExceptionsPlot data={open_exceptions} />
      </ChartCard>
      <ChartCard
        testId="chart-stock-writes"
        title={t("shopee.overviewCharts.stock.title")}
        description={t("shopee.overviewCharts.stock.description")}
        empty={stock_writes.hours.every((hour) => hour.written === 0 && hour.failed === 0)}
        emptyText={t("shopee.overviewCharts.stock.empty")}
      >
        <StockWritesPlot data={stock_writes} />
      </ChartCard>
    </div>
  )
}

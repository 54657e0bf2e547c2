import { useTranslation } from "react-i18next"
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import type { DashboardCharts } from "./charts-api"
import { AXIS_PROPS, CHART_COLORS, GRID_STROKE, LEGEND_STYLE, TOOLTIP_PROPS } from "./chart-theme"
import { useChartFormat } from "./use-chart-format"

/** Stock writes Shopee accepted and refused, per hour the writer's run started in. */
const StockWritesPlot = ({ data }: { data: DashboardCharts["stock_writes"] }) => {
  const { t } = useTranslation()
  const format = useChartFormat()
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data.hours} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis dataKey="hour" tickFormatter={format.hour} {...AXIS_PROPS} minTickGap={16} />
        <YAxis allowDecimals={false} {...AXIS_PROPS} />
        <Tooltip {...TOOLTIP_PROPS} labelFormatter={(hour) => format.hourLong(String(hour))} />
        <Legend wrapperStyle={LEGEND_STYLE} itemSorter={null} />
        <Bar
          dataKey="written"
          name={t("shopee.overviewCharts.stock.written")}
          stackId="writes"
          fill={CHART_COLORS.green}
          isAnimationActive={false}
        />
        <Bar
          dataKey="failed"
          name={t("shopee.overviewCharts.stock.failed")}
          stackId="writes"
          fill={CHART_COLORS.red}
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  )
}

export default StockWritesPlot

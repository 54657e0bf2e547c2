import { useTranslation } from "react-i18next"
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import type { DashboardCharts } from "./charts-api"
import { AXIS_PROPS, CHART_COLORS, GRID_STROKE, LEGEND_STYLE, TOOLTIP_PROPS } from "./chart-theme"
import { useChartFormat } from "./use-chart-format"

const ENVIRONMENT_COLORS: Record<string, string> = { sandbox: CHART_COLORS.blue, live: CHART_COLORS.purple }

/** Imported orders per (UTC) day; one stacked bar per environment when every environment is shown. */
const OrdersPerDayPlot = ({ data }: { data: DashboardCharts["orders_per_day"] }) => {
  const { t } = useTranslation()
  const format = useChartFormat()
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data.days} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis dataKey="day" tickFormatter={format.day} {...AXIS_PROPS} minTickGap={16} />
        <YAxis allowDecimals={false} {...AXIS_PROPS} />
        <Tooltip {...TOOLTIP_PROPS} labelFormatter={(day) => format.dayLong(String(day))} />
        {data.environments.length > 1 && <Legend wrapperStyle={LEGEND_STYLE} itemSorter={null} />}
        {data.environments.map((environment) => (
          <Bar
            key={environment}
            dataKey={`by_environment.${environment}`}
            name={t(`shopee.overviewCharts.environments.${environment}`)}
            stackId="orders"
            fill={ENVIRONMENT_COLORS[environment]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  )
}

export default OrdersPerDayPlot

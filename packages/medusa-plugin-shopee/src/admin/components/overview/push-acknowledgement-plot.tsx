import { useTranslation } from "react-i18next"
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import type { DashboardCharts } from "./charts-api"
import { AXIS_PROPS, CHART_COLORS, GRID_STROKE, LEGEND_STYLE, TOOLTIP_PROPS } from "./chart-theme"
import { useChartFormat } from "./use-chart-format"

/**
 * Pushes per hour, accepted and rejected stacked (together: every push recorded, each answered
 * 200), processing failures beside them, and the success rate against the levels at which
 * Shopee warns and disables a push subscription.
 */
const PushAcknowledgementPlot = ({ data }: { data: DashboardCharts["push_acknowledgement"] }) => {
  const { t } = useTranslation()
  const format = useChartFormat()
  const { warn_rate, suspend_rate } = data.thresholds
  const points = data.hours.map((hour) => ({ ...hour, rate: hour.success_rate === null ? null : hour.success_rate * 100 }))
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={points} margin={{ top: 8, right: 0, left: -16, bottom: 0 }}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis dataKey="hour" tickFormatter={format.hour} {...AXIS_PROPS} minTickGap={16} />
        <YAxis yAxisId="count" allowDecimals={false} {...AXIS_PROPS} />
        <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} unit="%" {...AXIS_PROPS} />
        <Tooltip
          {...TOOLTIP_PROPS}
          labelFormatter={(hour) => format.hourLong(String(hour))}
          formatter={(value, _name, item) => (item.dataKey === "rate" ? format.percent(Number(value) / 100) : value)}
        />
        <Legend wrapperStyle={LEGEND_STYLE} itemSorter={null} />
        <ReferenceLine
          yAxisId="rate"
          y={warn_rate * 100}
          stroke={CHART_COLORS.orange}
          strokeDasharray="4 4"
          label={{
            value: t("shopee.overviewCharts.pushes.warn", { percent: format.percent(warn_rate) }),
            fill: CHART_COLORS.orange,
            fontSize: 11,
            position: "insideTopLeft",
          }}
        />
        <ReferenceLine
          yAxisId="rate"
          y={suspend_rate * 100}
          stroke={CHART_COLORS.red}
          strokeDasharray="4 4"
          label={{
            value: t("shopee.overviewCharts.pushes.suspend", { percent: format.percent(suspend_rate) }),
            fill: CHART_COLORS.red,
            fontSize: 11,
            position: "insideTopLeft",
          }}
        />
        <Bar
          yAxisId="count"
          dataKey="accepted"
          name={t("shopee.overviewCharts.pushes.accepted")}
          stackId="received"
          fill={CHART_COLORS.green}
          isAnimationActive={false}
        />
        <Bar
          yAxisId="count"
          dataKey="rejected"
          name={t("shopee.overviewCharts.pushes.rejected")}
          stackId="received"
          fill={CHART_COLORS.red}
          isAnimationActive={false}
        />
        <Bar
          yAxisId="count"
          dataKey="failed"
          name={t("shopee.overviewCharts.pushes.failed")}
          fill={CHART_COLORS.orange}
          isAnimationActive={false}
        />
        <Line
          yAxisId="rate"
          dataKey="rate"
          name={t("shopee.overviewCharts.pushes.rate")}
          stroke={CHART_COLORS.blue}
          dot={{ r: 2 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  )
}

export default PushAcknowledgementPlot

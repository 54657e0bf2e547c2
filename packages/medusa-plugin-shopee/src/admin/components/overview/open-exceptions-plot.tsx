import { useTranslation } from "react-i18next"
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { AGE_BUCKETS, type AgeBucket, type DashboardCharts } from "./charts-api"
import { AXIS_PROPS, CHART_COLORS, GRID_STROKE, LEGEND_STYLE, TOOLTIP_PROPS } from "./chart-theme"

/** Older is redder: what has waited longest stands out. */
const AGE_COLORS: Record<AgeBucket, string> = {
  under_1h: CHART_COLORS.blue,
  under_1d: CHART_COLORS.orange,
  under_1w: CHART_COLORS.red,
  older: CHART_COLORS.purple,
}

/** Open and retrying exceptions, one bar per kind, split by how long they have been open. */
const OpenExceptionsPlot = ({ data }: { data: DashboardCharts["open_exceptions"] }) => {
  const { t } = useTranslation()
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data.kinds} layout="vertical" margin={{ top: 8, right: 8, left: 8, bottom: 0 }}>
        <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
        <XAxis type="number" allowDecimals={false} {...AXIS_PROPS} />
        <YAxis type="category" dataKey="kind" width={130} {...AXIS_PROPS} />
        <Tooltip {...TOOLTIP_PROPS} />
        <Legend wrapperStyle={LEGEND_STYLE} itemSorter={null} />
        {AGE_BUCKETS.map((bucket) => (
          <Bar
            key={bucket}
            dataKey={`by_age.${bucket}`}
            name={t(`shopee.overviewCharts.exceptions.ages.${bucket}`)}
            stackId="age"
            fill={AGE_COLORS[bucket]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  )
}

export default OpenExceptionsPlot

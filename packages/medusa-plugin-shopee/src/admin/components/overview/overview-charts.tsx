import { Button, Container, Heading, Text } from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { ErrorAlert } from "../query-state"
import { shopeeKeys } from "../../lib/query-keys"
import type { EnvironmentFilter } from "../../lib/types"
import { ChartGrid } from "./chart-grid"
import { fetchDashboardCharts } from "./charts-api"

const DAY_CHOICES = [14, 30]
const HOUR_CHOICES = [24, 48]

const RangeChoice = ({
  label,
  choices,
  value,
  onChange,
  text,
  testId,
}: {
  label: string
  choices: number[]
  value: number
  onChange: (value: number) => void
  text: (count: number) => string
  testId: string
}) => (
  <div role="group" aria-label={label} className="flex items-center gap-x-1" data-testid={testId}>
    <Text size="xsmall" className="text-ui-fg-subtle mr-1">
      {label}
    </Text>
    {choices.map((choice) => (
      <Button
        key={choice}
        size="small"
        variant={choice === value ? "secondary" : "transparent"}
        aria-pressed={choice === value}
        onClick={() => onChange(choice)}
      >
        {text(choice)}
      </Button>
    ))}
  </div>
)

/** The overview's charts, in the scope of its counts (`env`: none for the active environment, or `all`). */
export const OverviewCharts = ({ env }: { env: EnvironmentFilter | undefined }) => {
  const { t } = useTranslation()
  const [days, setDays] = useState(DAY_CHOICES[0])
  const [hours, setHours] = useState(HOUR_CHOICES[0])
  const charts = useQuery({
    queryKey: [...shopeeKeys.all, "dashboard-charts", env ?? "active", days, hours],
    queryFn: () => fetchDashboardCharts({ env, days, hours }),
    placeholderData: keepPreviousData,
  })

  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="overview-charts">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <Heading level="h2">{t("shopee.overviewCharts.title")}</Heading>
          <Text size="xsmall" className="text-ui-fg-muted">
            {t("shopee.overviewCharts.description")}
          </Text>
        </div>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <RangeChoice
            label={t("shopee.overviewCharts.range.daysLabel")}
            choices={DAY_CHOICES}
            value={days}
            onChange={setDays}
            text={(count) => t("shopee.overviewCharts.range.days", { count })}
            testId="charts-days"
          />
          <RangeChoice
            label={t("shopee.overviewCharts.range.hoursLabel")}
            choices={HOUR_CHOICES}
            value={hours}
            onChange={setHours}
            text={(count) => t("shopee.overviewCharts.range.hours", { count })}
            testId="charts-hours"
          />
        </div>
      </div>
      {charts.isPending ? (
        <Text size="small" className="text-ui-fg-subtle" role="status">
          {t("shopee.overviewCharts.loading")}
        </Text>
      ) : charts.isError ? (
        <ErrorAlert title={t("shopee.overviewCharts.error")} error={charts.error} onRetry={() => charts.refetch()} />
      ) : (
        <ChartGrid charts={charts.data} />
      )}
    </Container>
  )
}

import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { percentDone } from "../../../lib/reconcile/reconcile-run-state"
import { reconcileApi, reconcileKeys, type ReconcileRun } from "../../lib/reconcile-api"
import { errorMessage } from "../../lib/sdk"
import type { ShopeeEnvironment } from "../../lib/types"
import { usePolledRun } from "../../lib/use-polled-run"
import { useLocaleFormat } from "../../lib/use-locale-format"

/**
 * An environment's orders reconciliation: "Reconcile now" and the latest run (by hand or the
 * scheduled job's). A running run is polled until it ends; then the other reads are read again,
 * since it may have imported orders and raised exceptions.
 */
export const ReconcileSection = ({ environment }: { environment: ShopeeEnvironment }) => {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const { latest, run, running } = usePolledRun(reconcileKeys.latest(environment), () => reconcileApi.latestRun(environment))

  const start = useMutation({
    mutationFn: () => reconcileApi.start(environment),
    onSuccess: ({ run: started }) => queryClient.setQueryData(reconcileKeys.latest(environment), { run: started }),
    onError: (error) => toast.error(t("shopee.reconcile.startError"), { description: errorMessage(error) }),
  })

  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="reconcile-section">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">{t("shopee.reconcile.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("shopee.reconcile.description")}
          </Text>
        </div>
        <Button size="small" variant="secondary" disabled={running} isLoading={start.isPending} onClick={() => start.mutate()}>
          {t("shopee.reconcile.start")}
        </Button>
      </div>
      {latest.isSuccess && <RunState run={run} />}
    </Container>
  )
}

const RunState = ({ run }: { run: ReconcileRun | null }) => {
  const { t } = useTranslation()
  const format = useLocaleFormat()
  if (!run) {
    return (
      <Text size="small" className="text-ui-fg-muted" data-testid="reconcile-state">
        {t("shopee.reconcile.never")}
      </Text>
    )
  }
  const trigger = t(`shopee.reconcile.trigger.${run.trigger}`)
  if (run.status === "running") {
    const percent = percentDone(run)
    const words = { done: run.done, total: run.total, percent }
    return (
      <div className="flex flex-wrap items-center gap-2" data-testid="reconcile-state">
        <progress max={100} value={percent} className="h-2 w-40" aria-label={t("shopee.reconcile.progress")} />
        <Text size="small">
          {run.phase === "listing" && run.total === 0
            ? t("shopee.reconcile.starting", words)
            : t(`shopee.reconcile.phase.${run.phase}`, words)}
        </Text>
      </div>
    )
  }
  const date = format.date(run.finished_at ?? run.started_at)
  if (run.status === "failed") {
    return (
      <Text size="small" className="text-ui-fg-error" data-testid="reconcile-state">
        {t("shopee.reconcile.failed", { date, trigger, error: run.error })}
      </Text>
    )
  }
  const s = run.summary
  return (
    <Text size="small" className="text-ui-fg-subtle" data-testid="reconcile-state">
      {t("shopee.reconcile.summary", {
        date,
        trigger,
        seen: s?.orders_seen ?? 0,
        imported: s?.import.imported ?? 0,
        updated: s?.import.updated ?? 0,
        unchanged: s?.import.unchanged ?? 0,
        failed: s?.import.failed ?? 0,
        lost: s?.lost_pushes ?? 0,
      })}
    </Text>
  )
}

import { Button, Text, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { percentDone } from "../../../lib/catalogue/catalogue-progress"
import { catalogueApi, catalogueKeys, type CatalogueRun } from "../../lib/catalogue-api"
import { errorMessage } from "../../lib/sdk"
import type { ShopeeEnvironment } from "../../lib/types"
import { usePolledRun } from "../../lib/use-polled-run"
import { useLocaleFormat } from "../../lib/use-locale-format"
import { useTranslation } from "react-i18next"

/**
 * Re-import buttons and the latest import's progress. A running import is polled until it ends;
 * then the lists are read again.
 */
export const CatalogueImport = ({ environment }: { environment: ShopeeEnvironment }) => {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const { run, running } = usePolledRun(catalogueKeys.run(environment), () => catalogueApi.latestRun(environment))

  const start = useMutation({
    mutationFn: (mode: "full" | "incremental") => catalogueApi.startImport(environment, mode),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKeys.run(environment) }),
    onError: (error) => toast.error(t("shopee.catalogue.startError"), { description: errorMessage(error) }),
  })

  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="catalogue-import">
      <Button
        size="small"
        variant="secondary"
        disabled={running}
        isLoading={start.isPending && start.variables === "incremental"}
        onClick={() => start.mutate("incremental")}
      >
        {t("shopee.catalogue.importChanges")}
      </Button>
      <Button
        size="small"
        variant="transparent"
        disabled={running}
        isLoading={start.isPending && start.variables === "full"}
        onClick={() => start.mutate("full")}
      >
        {t("shopee.catalogue.fullReimport")}
      </Button>
      <RunState run={run} />
    </div>
  )
}

const RunState = ({ run }: { run: CatalogueRun | null }) => {
  const { t } = useTranslation()
  const format = useLocaleFormat()
  if (!run) {
    return (
      <Text size="small" className="text-ui-fg-muted" data-testid="catalogue-progress">
        {t("shopee.catalogue.notImported")}
      </Text>
    )
  }
  if (run.status === "running") {
    return (
      <div className="flex items-center gap-2" data-testid="catalogue-progress">
        <progress max={100} value={percentDone(run)} className="h-2 w-40" aria-label={t("shopee.catalogue.progress")} />
        <Text size="small">
          {run.phase === "done"
            ? t("shopee.catalogue.phaseDone")
            : t(run.phase === "matching" ? "shopee.catalogue.phaseListings" : "shopee.catalogue.phaseItems", {
                phase: t(`shopee.catalogue.phase.${run.phase}`),
                done: run.done,
                total: run.total,
                percent: percentDone(run),
              })}
        </Text>
      </div>
    )
  }
  if (run.status === "failed") {
    return (
      <Text size="small" className="text-ui-fg-error" data-testid="catalogue-progress">
        {t("shopee.catalogue.failed", { error: run.error })}
      </Text>
    )
  }
  const s = run.summary
  return (
    <Text size="small" className="text-ui-fg-subtle" data-testid="catalogue-progress">
      {t("shopee.catalogue.summary", {
        mode: t(`shopee.catalogue.mode.${run.mode}`),
        date: format.date(run.finished_at),
        read: s?.items_read ?? 0,
        matched: s?.matched ?? 0,
        unmatched: s?.unmatched ?? 0,
        conflicts: s?.conflict ?? 0,
      })}
      {s?.retired ? t("shopee.catalogue.retired", { count: s.retired }) : ""}
      {"."}
    </Text>
  )
}

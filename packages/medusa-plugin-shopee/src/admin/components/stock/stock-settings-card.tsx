import { Button, Container, Heading, Input, Label, Select, StatusBadge, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { shopeeKeys } from "../../lib/query-keys"
import { errorMessage, sdk } from "../../lib/sdk"
import { STOCK_MODES, stockApi, stockModeLabelKey, type StockMode, type StockStateAnswer } from "../../lib/stock-api"
import { environmentLabelKey } from "../../lib/types"
import { useLocaleFormat } from "../../lib/use-locale-format"
import { useTranslation } from "react-i18next"

/**
 * The stock writer's arming for one environment: the mode a person chose (with who and when),
 * the buffer kept back from Shopee, the per-run cap, and the circuit breaker. Saving a mode
 * also re-arms a disarmed writer; the buttons run a dry run or a resync now.
 */
export const StockSettingsCard = ({ state }: { state: StockStateAnswer }) => {
  const { t } = useTranslation()
  const format = useLocaleFormat()
  const queryClient = useQueryClient()
  const { setting, environment } = state
  const [mode, setMode] = useState<StockMode>(setting.mode)
  const [buffer, setBuffer] = useState(String(setting.buffer))
  const [cap, setCap] = useState(String(setting.max_writes_per_run))
  // Newly saved settings (from this form or elsewhere, on refetch) replace the form's values, during render as React advises.
  const [shown, setShown] = useState(setting)
  if (shown.mode !== setting.mode || shown.buffer !== setting.buffer || shown.max_writes_per_run !== setting.max_writes_per_run) {
    setShown(setting)
    setMode(setting.mode)
    setBuffer(String(setting.buffer))
    setCap(String(setting.max_writes_per_run))
  }
  const refresh = () => queryClient.invalidateQueries({ queryKey: shopeeKeys.all })

  const save = useMutation({
    mutationFn: () => stockApi.saveSettings(environment, { mode, buffer: Number(buffer), max_writes_per_run: Number(cap) }),
    onSuccess: ({ setting: saved }) =>
      toast.success(t("shopee.stock.writerMode", { mode: t(stockModeLabelKey(saved.mode)) }), {
        description: t("shopee.stock.savedDescription", { env: t(environmentLabelKey(environment)), buffer: saved.buffer }),
      }),
    onError: (error) => toast.error(t("shopee.stock.saveError"), { description: errorMessage(error) }),
    onSettled: refresh,
  })
  const run = useMutation({
    mutationFn: (kind: "dry_run" | "full") => stockApi.startRun(environment, kind),
    onSuccess: ({ run: done }) =>
      toast.success(
        done.trigger === "dry_run"
          ? t("shopee.stock.dryRunPlanned")
          : t("shopee.stock.resyncStatus", { status: t(`shopee.stock.runStatus.${done.status}`, { defaultValue: done.status }) }),
        { description: t("shopee.stock.runDescription", { count: done.to_write, written: done.written }) }
      ),
    onError: (error) => toast.error(t("shopee.stock.runError"), { description: errorMessage(error) }),
    onSettled: refresh,
  })
  const served = state.active_environment === environment
  const changedBy = useChangedBy(setting.mode_changed_by)

  return (
    <Container className="divide-y p-0" data-testid="stock-settings">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">{t("shopee.stock.writer")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {setting.mode_changed_by
              ? t("shopee.stock.modeSince", {
                  profile: state.profile.name,
                  mode: t(stockModeLabelKey(setting.mode)),
                  date: format.date(setting.mode_changed_at),
                  by: changedBy,
                })
              : t("shopee.stock.neverArmed", { profile: state.profile.name })}
          </Text>
        </div>
        <StatusBadge color={setting.breaker.disarmed ? "red" : setting.mode === "off" ? "grey" : "green"} data-testid="stock-breaker">
          {setting.breaker.disarmed
            ? t("shopee.stock.disarmed")
            : setting.mode === "off"
              ? t(stockModeLabelKey("off"))
              : t("shopee.stock.armed")}
        </StatusBadge>
      </div>
      {setting.breaker.disarmed && (
        <Text size="small" className="px-6 py-3 text-ui-fg-error">
          {t("shopee.stock.breakerReason", { reason: setting.breaker.reason, date: format.date(setting.breaker.disarmed_at) })}
        </Text>
      )}
      <div className="flex flex-wrap items-end gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Label size="small">{t("shopee.stock.modeLabel")}</Label>
          <Select value={mode} onValueChange={(value) => setMode(value as StockMode)}>
            <Select.Trigger className="w-[180px]" data-testid="stock-mode">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {STOCK_MODES.map((value) => (
                <Select.Item key={value} value={value}>
                  {t(stockModeLabelKey(value))}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small">{t("shopee.stock.buffer")}</Label>
          <Input
            type="number"
            min={0}
            value={buffer}
            onChange={(event) => setBuffer(event.target.value)}
            className="w-[120px]"
            data-testid="stock-buffer"
          />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small">{t("shopee.stock.cap")}</Label>
          <Input type="number" min={1} value={cap} onChange={(event) => setCap(event.target.value)} className="w-[120px]" />
        </div>
        <Button size="small" onClick={() => save.mutate()} isLoading={save.isPending}>
          {t("shopee.common.save")}
        </Button>
        <div className="ml-auto flex gap-x-2">
          <Button
            size="small"
            variant="secondary"
            onClick={() => run.mutate("dry_run")}
            isLoading={run.isPending && run.variables === "dry_run"}
          >
            {t("shopee.stock.trigger.dry_run")}
          </Button>
          <Button
            size="small"
            variant="secondary"
            disabled={!served}
            onClick={() => run.mutate("full")}
            isLoading={run.isPending && run.variables === "full"}
          >
            {t("shopee.stock.resyncNow")}
          </Button>
        </div>
      </div>
    </Container>
  )
}

/**
 * Who set the mode, as a merchant knows them: the admin user's email (the setting stores the
 * user id). A user deleted since, or one this session may not read, is shown by id.
 */
function useChangedBy(actorId: string | null): string {
  const { t } = useTranslation()
  const user = useQuery({
    queryKey: ["shopee", "stock", "changed-by", actorId],
    queryFn: () => sdk.client.fetch<{ user: { email: string } }>(`/admin/users/${actorId}`),
    enabled: !!actorId?.startsWith("user_"),
    staleTime: Infinity,
    retry: false,
  })
  return user.data?.user.email ?? actorId ?? t("shopee.stock.nobody")
}

import { Button, Container, Heading, Input, Label, Select, StatusBadge, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { formatDate } from "../../lib/format-date"
import { shopeeKeys } from "../../lib/query-keys"
import { errorMessage, sdk } from "../../lib/sdk"
import { STOCK_MODE_LABELS, stockApi, type StockMode, type StockStateAnswer } from "../../lib/stock-api"

/**
 * The stock writer's arming for one environment: the mode a person chose (with who and when),
 * the buffer kept back from Shopee, the per-run cap, and the circuit breaker. Saving a mode
 * also re-arms a disarmed writer; the buttons run a dry run or a resync now.
 */
export const StockSettingsCard = ({ state }: { state: StockStateAnswer }) => {
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
      toast.success(`Stock writer: ${STOCK_MODE_LABELS[saved.mode]}`, { description: `${environment}, buffer ${saved.buffer}` }),
    onError: (error) => toast.error("The settings were not saved", { description: errorMessage(error) }),
    onSettled: refresh,
  })
  const run = useMutation({
    mutationFn: (kind: "dry_run" | "full") => stockApi.startRun(environment, kind),
    onSuccess: ({ run: done }) =>
      toast.success(done.trigger === "dry_run" ? "Dry run planned" : `Resync ${done.status}`, {
        description: `${done.to_write} change(s) planned, ${done.written} written`,
      }),
    onError: (error) => toast.error("The run did not start", { description: errorMessage(error) }),
    onSettled: refresh,
  })
  const served = state.active_environment === environment
  const changedBy = useChangedBy(setting.mode_changed_by)

  return (
    <Container className="divide-y p-0" data-testid="stock-settings">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Stock writer</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {setting.mode_changed_by
              ? `${state.profile.name} profile: ${STOCK_MODE_LABELS[setting.mode]} since ${formatDate(setting.mode_changed_at)}, set by ${changedBy}`
              : `${state.profile.name} profile: Off since it was connected; nobody has armed the writer yet`}
          </Text>
        </div>
        <StatusBadge color={setting.breaker.disarmed ? "red" : setting.mode === "off" ? "grey" : "green"} data-testid="stock-breaker">
          {setting.breaker.disarmed ? "Disarmed" : setting.mode === "off" ? "Off" : "Armed"}
        </StatusBadge>
      </div>
      {setting.breaker.disarmed && (
        <Text size="small" className="px-6 py-3 text-ui-fg-error">
          {setting.breaker.reason} ({formatDate(setting.breaker.disarmed_at)}). Save a mode to re-arm it.
        </Text>
      )}
      <div className="flex flex-wrap items-end gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Label size="small">Mode</Label>
          <Select value={mode} onValueChange={(value) => setMode(value as StockMode)}>
            <Select.Trigger className="w-[180px]" data-testid="stock-mode">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {(Object.keys(STOCK_MODE_LABELS) as StockMode[]).map((value) => (
                <Select.Item key={value} value={value}>
                  {STOCK_MODE_LABELS[value]}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small">Buffer (units kept back)</Label>
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
          <Label size="small">Changes per run at most</Label>
          <Input type="number" min={1} value={cap} onChange={(event) => setCap(event.target.value)} className="w-[120px]" />
        </div>
        <Button size="small" onClick={() => save.mutate()} isLoading={save.isPending}>
          Save
        </Button>
        <div className="ml-auto flex gap-x-2">
          <Button
            size="small"
            variant="secondary"
            onClick={() => run.mutate("dry_run")}
            isLoading={run.isPending && run.variables === "dry_run"}
          >
            Dry run
          </Button>
          <Button
            size="small"
            variant="secondary"
            disabled={!served}
            onClick={() => run.mutate("full")}
            isLoading={run.isPending && run.variables === "full"}
          >
            Resync now
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
  const user = useQuery({
    queryKey: ["shopee", "stock", "changed-by", actorId],
    queryFn: () => sdk.client.fetch<{ user: { email: string } }>(`/admin/users/${actorId}`),
    enabled: !!actorId?.startsWith("user_"),
    staleTime: Infinity,
    retry: false,
  })
  return user.data?.user.email ?? actorId ?? "nobody"
}

import { Badge, Button, Drawer, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { shopeeListsApi } from "../lib/api"
import { pushCodeLabel } from "../lib/push-codes"
import { statusLabel } from "../lib/statuses"
import { shopeeKeys } from "../lib/query-keys"
import { translateText } from "../lib/translate"
import { useLocaleFormat } from "../lib/use-locale-format"
import { EnvBadge } from "./env-badge"
import { ListError, ListLoading } from "./list-message"
import { useTranslation } from "react-i18next"

/** The body as Shopee sent it; indented when it is JSON, as is otherwise. */
function prettyBody(body: string | undefined): string {
  if (body === undefined || body === null) return ""
  try {
    return JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    return body
  }
}

/** Bytes of the body the row holds: its exact bytes when kept as base64, else its text. */
function keptBytes(event: { raw_body?: string; raw_body_base64?: string | null }): number {
  if (event.raw_body_base64) return atob(event.raw_body_base64).length
  return new TextEncoder().encode(event.raw_body ?? "").length
}

const Field = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="grid grid-cols-[140px_1fr] gap-x-3 py-1">
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="txt-small break-words">{children}</div>
  </div>
)

/** One push with its raw body, read only when the drawer opens (the list leaves bodies out). */
export const EventDetailsDrawer = ({ eventId, onClose }: { eventId: string | null; onClose: () => void }) => {
  const { t } = useTranslation()
  const format = useLocaleFormat()
  const event = useQuery({
    queryKey: shopeeKeys.event(eventId ?? ""),
    queryFn: () => shopeeListsApi.event(eventId!),
    enabled: !!eventId,
  })
  const data = event.data?.event
  return (
    <Drawer open={!!eventId} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content data-testid="event-details">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading level="h2">
              {t("shopee.eventDetails.title", { what: data ? `${data.code ?? "?"} · ${translateText(t, pushCodeLabel(data.code))}` : "" })}
            </Heading>
          </Drawer.Title>
          <Drawer.Description className="sr-only">{t("shopee.eventDetails.description")}</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {event.isPending ? (
            <ListLoading label={t("shopee.eventDetails.loadingLabel")} />
          ) : event.isError ? (
            <ListError title={t("shopee.eventDetails.loadError")} error={event.error} onRetry={() => event.refetch()} />
          ) : data ? (
            <>
              <div>
                <Field label={t("shopee.eventDetails.id")}>
                  <span className="font-mono">{data.id}</span>
                </Field>
                <Field label={t("shopee.eventDetails.environment")}>
                  <EnvBadge environment={data.environment} />
                </Field>
                <Field label={t("shopee.common.received")}>{format.date(data.created_at)}</Field>
                <Field label={t("shopee.eventDetails.shopOrder")}>
                  {data.shop_id ?? "—"} / <span className="font-mono">{data.order_sn ?? "—"}</span>
                </Field>
                <Field label={t("shopee.eventDetails.signature")}>
                  <Badge size="2xsmall" color={data.signature_ok ? "green" : "red"}>
                    {data.signature_ok ? t("shopee.common.verified") : t("shopee.common.failed")}
                  </Badge>
                </Field>
                <Field label={t("shopee.common.status")}>
                  {statusLabel(t, data.status)}
                  {data.status_reason ? ` — ${data.status_reason}` : ""}
                </Field>
                <Field label={t("shopee.common.attempts")}>{data.attempts}</Field>
                {data.parse_error && <Field label={t("shopee.eventDetails.parseError")}>{data.parse_error}</Field>}
                {data.last_error && <Field label={t("shopee.eventDetails.lastError")}>{data.last_error}</Field>}
                {data.body_bytes !== null && (
                  <Field label={t("shopee.eventDetails.bodySize")}>
                    {t("shopee.eventDetails.bytesReceived", { count: data.body_bytes, bytes: format.number(data.body_bytes) })}
                    {keptBytes(data) < data.body_bytes
                      ? t("shopee.eventDetails.prefixKept", { bytes: format.number(keptBytes(data)) })
                      : ""}
                  </Field>
                )}
                {data.duplicate_count > 0 && (
                  <Field label={t("shopee.eventDetails.receivedAgain")}>
                    {t("shopee.common.timesLast", { count: data.duplicate_count, date: format.date(data.last_duplicate_at) })}
                  </Field>
                )}
                {data.duplicate_of && (
                  <Field label={t("shopee.eventDetails.duplicateOf")}>
                    <span className="font-mono">{data.duplicate_of}</span>
                  </Field>
                )}
                {data.path && (
                  <Field label={t("shopee.eventDetails.path")}>
                    <span className="font-mono">{data.path}</span>
                  </Field>
                )}
              </div>
              <div className="flex flex-col gap-y-2">
                <Text size="small" weight="plus">
                  {t("shopee.eventDetails.rawBody")}
                </Text>
                <pre
                  className="bg-ui-bg-subtle txt-compact-xsmall max-h-[480px] overflow-auto whitespace-pre-wrap break-all rounded-md p-3 font-mono"
                  data-testid="event-raw-body"
                >
                  {prettyBody(data.raw_body)}
                </pre>
              </div>
              {data.raw_body_base64 && (
                <div className="flex flex-col gap-y-2">
                  <Text size="small" weight="plus">
                    {t("shopee.eventDetails.exactBytes")}
                  </Text>
                  <Text size="xsmall" className="text-ui-fg-muted">
                    {t("shopee.eventDetails.exactBytesNote")}
                  </Text>
                  <pre
                    className="bg-ui-bg-subtle txt-compact-xsmall max-h-[240px] overflow-auto whitespace-pre-wrap break-all rounded-md p-3 font-mono"
                    data-testid="event-raw-body-base64"
                  >
                    {data.raw_body_base64}
                  </pre>
                </div>
              )}
            </>
          ) : null}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              {t("shopee.common.close")}
            </Button>
          </Drawer.Close>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

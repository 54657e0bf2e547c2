import { Badge, Button, Drawer, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { shopeeListsApi } from "../lib/api"
import { formatDate } from "../lib/format-date"
import { pushCodeLabel } from "../lib/push-codes"
import { shopeeKeys } from "../lib/query-keys"
import { EnvBadge } from "./env-badge"
import { ListError, ListLoading } from "./list-message"

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
            <Heading level="h2">Push {data ? `${data.code ?? "?"} · ${pushCodeLabel(data.code)}` : ""}</Heading>
          </Drawer.Title>
          <Drawer.Description className="sr-only">The push as it arrived, with its raw body.</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {event.isPending ? (
            <ListLoading label="the push" />
          ) : event.isError ? (
            <ListError title="The push could not be loaded" error={event.error} onRetry={() => event.refetch()} />
          ) : data ? (
            <>
              <div>
                <Field label="ID">
                  <span className="font-mono">{data.id}</span>
                </Field>
                <Field label="Environment">
                  <EnvBadge environment={data.environment} />
                </Field>
                <Field label="Received">{formatDate(data.created_at)}</Field>
                <Field label="Shop / order">
                  {data.shop_id ?? "—"} / <span className="font-mono">{data.order_sn ?? "—"}</span>
                </Field>
                <Field label="Signature">
                  <Badge size="2xsmall" color={data.signature_ok ? "green" : "red"}>
                    {data.signature_ok ? "Verified" : "Failed"}
                  </Badge>
                </Field>
                <Field label="Status">
                  {data.status}
                  {data.status_reason ? ` — ${data.status_reason}` : ""}
                </Field>
                <Field label="Attempts">{data.attempts}</Field>
                {data.parse_error && <Field label="Parse error">{data.parse_error}</Field>}
                {data.last_error && <Field label="Last error">{data.last_error}</Field>}
                {data.body_bytes !== null && (
                  <Field label="Body size">
                    {data.body_bytes} bytes received
                    {keptBytes(data) < data.body_bytes ? `; the first ${keptBytes(data)} kept (a rejected push keeps a prefix)` : ""}
                  </Field>
                )}
                {data.duplicate_count > 0 && (
                  <Field label="Received again">
                    {data.duplicate_count} times, last {formatDate(data.last_duplicate_at)}
                  </Field>
                )}
                {data.duplicate_of && (
                  <Field label="Duplicate of">
                    <span className="font-mono">{data.duplicate_of}</span>
                  </Field>
                )}
                {data.path && (
                  <Field label="Path">
                    <span className="font-mono">{data.path}</span>
                  </Field>
                )}
              </div>
              <div className="flex flex-col gap-y-2">
                <Text size="small" weight="plus">
                  Raw body
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
                    Exact bytes (base64)
                  </Text>
                  <Text size="xsmall" className="text-ui-fg-muted">
                    The body is not text as it came (not UTF-8, or a NUL byte): above, its text with replacement characters; here, its
                    bytes.
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
              Close
            </Button>
          </Drawer.Close>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

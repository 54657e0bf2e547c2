import { Label, Select, Table, Text } from "@medusajs/ui"
import { useId, type ReactNode } from "react"
import { ErrorAlert } from "./query-state"

export type FilterOption = { value: string; label: string }

/** A labelled filter; `""` (shown as "All") removes it. A value from the URL that is not offered is added. */
export const FilterSelect = ({
  label,
  value,
  options,
  onChange,
}: {
  label: string
  value: string
  options: FilterOption[]
  onChange: (value: string) => void
}) => {
  const id = useId()
  const offered = value && !options.some((option) => option.value === value) ? [...options, { value, label: value }] : options
  return (
    <div className="flex flex-col gap-y-1">
      <Label htmlFor={id} size="xsmall" weight="plus" className="text-ui-fg-subtle">
        {label}
      </Label>
      <Select size="small" value={value || "__all"} onValueChange={(next) => onChange(next === "__all" ? "" : next)}>
        <Select.Trigger id={id} className="min-w-[140px]" aria-label={label}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value="__all">All</Select.Item>
          {offered.map((option) => (
            <Select.Item key={option.value} value={option.value}>
              {option.label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
}

export const ENV_FILTER_OPTIONS: FilterOption[] = [
  { value: "sandbox", label: "Sandbox" },
  { value: "live", label: "Live" },
]

/** Loading, failure or emptiness, in place of a list's rows. */
export const ListMessage = ({ children }: { children: ReactNode }) => (
  <div className="px-6 py-8" data-testid="list-message">
    {children}
  </div>
)

export const ListLoading = ({ label }: { label: string }) => (
  <ListMessage>
    <Text size="small" className="text-ui-fg-subtle" role="status">
      Loading {label}…
    </Text>
  </ListMessage>
)

export const ListError = ({ title, error, onRetry }: { title: string; error: unknown; onRetry: () => void }) => (
  <ListMessage>
    <ErrorAlert title={title} error={error} onRetry={onRetry} />
  </ListMessage>
)

export const ListEmpty = ({ children }: { children: ReactNode }) => (
  <ListMessage>
    <Text size="small" className="text-ui-fg-subtle">
      {children}
    </Text>
  </ListMessage>
)

/** The server's pages: `offset` moves by `limit`. */
export const ListPager = ({
  count,
  limit,
  offset,
  onOffset,
}: {
  count: number
  limit: number
  offset: number
  onOffset: (offset: number) => void
}) => {
  const pageSize = Math.max(1, limit)
  const pageIndex = Math.floor(offset / pageSize)
  const pageCount = Math.max(1, Math.ceil(count / pageSize))
  return (
    <Table.Pagination
      count={count}
      pageSize={pageSize}
      pageIndex={pageIndex}
      pageCount={pageCount}
      canPreviousPage={offset > 0}
      canNextPage={offset + pageSize < count}
      previousPage={() => onOffset(Math.max(0, offset - pageSize))}
      nextPage={() => onOffset(offset + pageSize)}
    />
  )
}

/** Dates as the operator's browser writes them; a missing one as "—". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "—"
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString()
}

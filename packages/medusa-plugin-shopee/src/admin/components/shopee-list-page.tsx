import { Checkbox, Container, Table } from "@medusajs/ui"
import { keepPreviousData, useQuery, type QueryKey } from "@tanstack/react-query"
import type { ReactNode, TdHTMLAttributes } from "react"
import type { ListQuery } from "../lib/api"
import { PAGE_SIZE } from "../lib/list-params"
import type { EnvironmentFilter, ListPage } from "../lib/types"
import { EnvFilterSelect, FilterSelect, type FilterOption } from "./filter-select"
import { ListEmpty, ListError, ListLoading } from "./list-message"
import { ShopeePageHeader } from "./shopee-page-header"
import { useTranslation } from "react-i18next"

export type ListColumn<Row> = {
  header: string
  cell: (row: Row) => ReactNode
  className?: string
  /** What a cell takes from its row beyond its content: a tooltip, a test id. */
  cellProps?: (row: Row) => TdHTMLAttributes<HTMLTableCellElement> & { "data-testid"?: string }
}

/** Rows the operator ticks for an action on several at once; the page keeps which, across pages. */
export type RowSelection<Row> = {
  isSelected: (row: Row) => boolean
  canSelect: (row: Row) => boolean
  onToggle: (rows: Row[], selected: boolean) => void
  /** What the row's checkbox is called ("Select <label>"). */
  label: (row: Row) => string
}

/** What the list needs of `useListParams`: every list filters by status and environment. */
export type ListParams = {
  env: EnvironmentFilter
  filters: { status: string }
  offset: number
  query: ListQuery
  filtered: boolean
  update: (changes: { status?: string; env?: string; offset?: string }) => void
}

type Props<Answer extends ListPage, Row extends { id: string }> = {
  title: string
  description: string
  /** The list's read: one page of the server's rows for the filters in the URL. */
  queryKey: (query: ListQuery) => QueryKey
  read: (query: ListQuery) => Promise<Answer>
  rows: (answer: Answer) => Row[]
  columns: ListColumn<Row>[]
  /** The buttons at the end of a row, under the header "Actions". */
  rowActions?: (row: Row) => ReactNode
  /** A checkbox before each row; `toolbar` (the actions on the ticked rows) shows above the rows. */
  selection?: RowSelection<Row>
  toolbar?: ReactNode
  params: ListParams
  /** The Status filter's choices; none hides the filter. */
  statusOptions: FilterOption[]
  /** The page's own filters, after Status and Env. */
  moreFilters?: ReactNode
  /** `empty` with no filter set, `emptyFiltered` when filters hide every row. */
  texts: { loading: string; error: string; empty: string; emptyFiltered: string }
  testIds: { filters: string; table: string; row: (row: Row) => string }
  rowClassName?: string
  /** What the page opens above the list, such as a drawer. */
  children?: ReactNode
}

/**
 * The layout every Shopee list shares: header, filters, then the rows or the reason there are
 * none (loading, the API's error with a Retry, nothing matching), and the server's pages. Medusa
 * UI's DataTable is not used: its rows take no test id and its filters are menus, not the selects
 * the operator (and the browser tests) know.
 */
export function ShopeeListPage<Answer extends ListPage, Row extends { id: string }>({
  title,
  description,
  queryKey,
  read,
  rows,
  columns,
  rowActions,
  selection,
  toolbar,
  params,
  statusOptions,
  moreFilters,
  texts,
  testIds,
  rowClassName,
  children,
}: Props<Answer, Row>) {
  const { t } = useTranslation()
  const list = useQuery({
    queryKey: queryKey(params.query),
    queryFn: () => read(params.query),
    // The rows of the previous filter stay in place until the next ones arrive, instead of "Loading".
    placeholderData: keepPreviousData,
  })
  return (
    <div className="flex flex-col gap-y-3">
      <ShopeePageHeader title={title} description={description} />
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-end gap-3 px-6 py-4" data-testid={testIds.filters}>
          {statusOptions.length > 0 && (
            <FilterSelect
              label={t("shopee.common.status")}
              value={params.filters.status}
              options={statusOptions}
              onChange={(status) => params.update({ status })}
            />
          )}
          <EnvFilterSelect env={params.env} onChange={(env) => params.update({ env })} />
          {moreFilters}
        </div>
        {toolbar}
        {list.isPending ? (
          <ListLoading label={texts.loading} />
        ) : list.isError ? (
          <ListError title={texts.error} error={list.error} onRetry={() => list.refetch()} />
        ) : rows(list.data).length === 0 ? (
          <ListEmpty>{params.filtered ? texts.emptyFiltered : texts.empty}</ListEmpty>
        ) : (
          <div>
            <Table data-testid={testIds.table}>
              <Table.Header>
                <Table.Row>
                  {selection && (
                    <Table.HeaderCell className="w-8">
                      <PageCheckbox rows={rows(list.data)} selection={selection} />
                    </Table.HeaderCell>
                  )}
                  {columns.map((column) => (
                    <Table.HeaderCell key={column.header}>{column.header}</Table.HeaderCell>
                  ))}
                  {rowActions && <Table.HeaderCell className="text-right">{t("shopee.common.actions")}</Table.HeaderCell>}
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {rows(list.data).map((row) => (
                  <Table.Row key={row.id} data-testid={testIds.row(row)} className={rowClassName}>
                    {selection && (
                      <Table.Cell className="w-8">
                        <Checkbox
                          aria-label={t("shopee.common.selectRow", { label: selection.label(row) })}
                          disabled={!selection.canSelect(row)}
                          checked={selection.isSelected(row)}
                          onCheckedChange={(checked) => selection.onToggle([row], checked === true)}
                        />
                      </Table.Cell>
                    )}
                    {columns.map((column) => (
                      <Table.Cell key={column.header} className={column.className} {...column.cellProps?.(row)}>
                        {column.cell(row)}
                      </Table.Cell>
                    ))}
                    {rowActions && <Table.Cell>{rowActions(row)}</Table.Cell>}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            <ListPager
              count={list.data.count}
              limit={list.data.limit ?? PAGE_SIZE}
              offset={list.data.offset ?? params.offset}
              onOffset={(offset) => params.update({ offset: String(offset) })}
            />
          </div>
        )}
      </Container>
      {children}
    </div>
  )
}

/** Ticks or unticks every row of the page that can be ticked. */
function PageCheckbox<Row>({ rows, selection }: { rows: Row[]; selection: RowSelection<Row> }) {
  const { t } = useTranslation()
  const selectable = rows.filter(selection.canSelect)
  const ticked = selectable.filter(selection.isSelected).length
  return (
    <Checkbox
      aria-label={t("shopee.common.selectPage")}
      disabled={selectable.length === 0}
      checked={ticked === 0 ? false : ticked === selectable.length ? true : "indeterminate"}
      onCheckedChange={(checked) => selection.onToggle(selectable, checked === true)}
    />
  )
}

/** The server's pages: `offset` moves by `limit`. */
const ListPager = ({
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
  const { t } = useTranslation()
  const pageSize = Math.max(1, limit)
  return (
    <Table.Pagination
      count={count}
      pageSize={pageSize}
      pageIndex={Math.floor(offset / pageSize)}
      pageCount={Math.max(1, Math.ceil(count / pageSize))}
      canPreviousPage={offset > 0}
      canNextPage={offset + pageSize < count}
      previousPage={() => onOffset(Math.max(0, offset - pageSize))}
      nextPage={() => onOffset(offset + pageSize)}
      translations={{
        of: t("shopee.pagination.of"),
        results: t("shopee.pagination.results"),
        pages: t("shopee.pagination.pages"),
        prev: t("shopee.pagination.prev"),
        next: t("shopee.pagination.next"),
      }}
    />
  )
}

import type { ReactNode } from "react"
import { shopeeListsApi, type ListQuery } from "../lib/api"
import { shopeeKeys } from "../lib/query-keys"
import type { ConnectorException, ListPage, RawEvent, ShopeeOrderSync } from "../lib/types"
import type { FilterOption } from "./filter-select"
import { ShopeeListPage, type ListColumn, type ListParams, type RowSelection } from "./shopee-list-page"

/** The connector's own lists: each is read from `/admin/shopee/<resource>` and answered under that name. */
type ResourceRows = { orders: ShopeeOrderSync; exceptions: ConnectorException; events: RawEvent }
type Resource = keyof ResourceRows

const READS: { [R in Resource]: (query: ListQuery) => Promise<ListPage & Record<R, ResourceRows[R][]>> } = {
  orders: shopeeListsApi.orders,
  exceptions: shopeeListsApi.exceptions,
  events: shopeeListsApi.events,
}

/** What a list page declares of its own; the read, the query key and the test ids follow from `resource`. */
export type ShopeeListDefinition<R extends Resource> = {
  resource: R
  title: string
  description: string
  columns: ListColumn<ResourceRows[R]>[]
  statusOptions: FilterOption[]
  /** The rows as the loading message names them: "Loading <noun>…". */
  noun: string
  /** "The <noun> could not be loaded". */
  loadError: string
  /** "No <noun> match these filters." */
  emptyFiltered: string
  /** What the list says when there is nothing at all, as opposed to nothing matching the filters. */
  empty: string
  /** What names the row in its test id `<item>-row-<key>`: its id unless said otherwise. */
  rowKey?: (row: ResourceRows[R]) => string
  rowClassName?: string
}

/** Identity, so that `resource` fixes the row type the columns are checked against. */
export const defineShopeeList = <R extends Resource>(definition: ShopeeListDefinition<R>) => definition

/** A list of the connector's own rows in the shared layout; the page adds its actions and its own filters. */
export function ShopeeResourceList<R extends Resource>({
  list,
  params,
  rowActions,
  selection,
  toolbar,
  moreFilters,
  children,
}: {
  list: ShopeeListDefinition<R>
  params: ListParams
  rowActions?: (row: ResourceRows[R]) => ReactNode
  selection?: RowSelection<ResourceRows[R]>
  toolbar?: ReactNode
  moreFilters?: ReactNode
  children?: ReactNode
}) {
  // "events" → "event": the test ids name one row by the singular.
  const item = list.resource.replace(/s$/, "")
  const rowKey = list.rowKey ?? ((row: ResourceRows[R]) => row.id)
  return (
    <ShopeeListPage
      title={list.title}
      description={list.description}
      queryKey={(query) => shopeeKeys[list.resource](query)}
      read={READS[list.resource]}
      rows={(answer) => answer[list.resource]}
      columns={list.columns}
      rowActions={rowActions}
      selection={selection}
      toolbar={toolbar}
      params={params}
      statusOptions={list.statusOptions}
      moreFilters={moreFilters}
      texts={{
        loading: list.noun,
        error: list.loadError,
        empty: list.empty,
        emptyFiltered: list.emptyFiltered,
      }}
      testIds={{ filters: `${item}-filters`, table: `${list.resource}-table`, row: (row) => `${item}-row-${rowKey(row)}` }}
      rowClassName={list.rowClassName}
    >
      {children}
    </ShopeeListPage>
  )
}

import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, StatusBadge, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Link } from "react-router-dom"
import { CatalogueImport } from "../../../components/catalogue/catalogue-import"
import { MapVariantDrawer } from "../../../components/catalogue/map-variant-drawer"
import { FilterSelect } from "../../../components/filter-select"
import { SearchFilter } from "../../../components/search-filter"
import { ShopeeListPage, type ListColumn } from "../../../components/shopee-list-page"
import { shopeeApi } from "../../../lib/api"
import { catalogueApi, catalogueKeys, type ProductVariantRef, type ShopeeListing } from "../../../lib/catalogue-api"
import { useListParams } from "../../../lib/list-params"
import { shopeeKeys } from "../../../lib/query-keys"
import { errorMessage } from "../../../lib/sdk"
import type { ShopeeEnvironment } from "../../../lib/types"

const MATCH_OPTIONS = [
  { value: "unmatched,conflict", label: "Unmatched (no variant)" },
  { value: "matched", label: "Matched" },
  { value: "conflict", label: "Conflicts" },
]
const VIEW_OPTIONS = [{ value: "unlisted", label: "Medusa variants not on Shopee" }]
const MATCH_COLORS: Record<string, "green" | "orange" | "red"> = { matched: "green", unmatched: "orange", conflict: "red" }

const count = (value: number | null | undefined) => (value === null || value === undefined ? "—" : String(value))

const VariantLink = ({ variant }: { variant: ProductVariantRef | null | undefined }) =>
  variant ? (
    <Link to={`/products/${variant.product_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small">
      {variant.sku ?? variant.id}
      <Text size="xsmall" className="text-ui-fg-subtle">
        {variant.product_title} — {variant.title}
      </Text>
    </Link>
  ) : (
    <Text size="small" className="text-ui-fg-muted">
      No variant
    </Text>
  )

const LISTING_COLUMNS: ListColumn<ShopeeListing>[] = [
  {
    header: "Shopee listing",
    className: "max-w-[280px] whitespace-normal py-2",
    cell: (row) => (
      <>
        <Text size="small" weight="plus">
          {row.item_name}
          {row.model_name ? ` — ${row.model_name}` : ""}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle font-mono">
          {/* Model 0 is Shopee's "no variations": the item itself is the listing. */}
          item {row.item_id}
          {row.model_id !== "0" ? ` · model ${row.model_id}` : ""}
          {row.item_status && row.item_status !== "NORMAL" ? ` · ${row.item_status}` : ""}
        </Text>
      </>
    ),
  },
  { header: "SKU", className: "font-mono whitespace-nowrap", cell: (row) => row.sku ?? "—" },
  { header: "Medusa variant", cell: (row) => <VariantLink variant={row.variant} /> },
  {
    header: "Match",
    className: "max-w-[260px] whitespace-normal py-2",
    cellProps: (row) => ({ "data-testid": `listing-match-${row.id}` }),
    cell: (row) => (
      <>
        <StatusBadge color={MATCH_COLORS[row.match_state] ?? "orange"}>
          {row.match_state === "matched"
            ? row.match_source === "manual"
              ? "Mapped by hand"
              : "Matched by SKU"
            : row.match_state === "conflict"
              ? "Conflict"
              : "Unmatched"}
        </StatusBadge>
        {row.match_state !== "matched" && row.match_reason && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            {row.match_reason}
          </Text>
        )}
      </>
    ),
  },
  {
    header: "Shopee stock",
    cellProps: (row) => ({ "data-testid": `listing-stock-${row.id}` }),
    cell: (row) => `${count(row.shopee_stock)}${row.reserved_stock ? ` (${row.reserved_stock} reserved)` : ""}`,
  },
  { header: "Medusa available", cell: (row) => count(row.medusa_available) },
  {
    header: "Planned",
    cellProps: (row) => ({ "data-testid": `listing-planned-${row.id}` }),
    cell: (row) => count(row.planned_stock),
  },
]

const UNLISTED_COLUMNS: ListColumn<ProductVariantRef>[] = [
  { header: "SKU", className: "font-mono whitespace-nowrap", cell: (variant) => variant.sku ?? "—" },
  {
    header: "Medusa product",
    cell: (variant) => (
      <Link to={`/products/${variant.product_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small">
        {variant.product_title} — {variant.title}
      </Link>
    ),
  },
]

/**
 * Every Shopee listing of an environment with the Medusa variant it sells; the unmatched ones
 * with the reason; and the variants of the Shopee sales channel that no listing sells. A person
 * maps or unmaps here, and starts a re-import whose progress shows above the list.
 */
const ShopeeProductsPage = () => {
  const queryClient = useQueryClient()
  const params = useListParams(["status", "q", "view"] as const)
  const active = useQuery({ queryKey: shopeeKeys.activeEnvironment(), queryFn: shopeeApi.activeEnvironment })
  const [mapping, setMapping] = useState<ShopeeListing | null>(null)
  // "All" is not a catalogue: each environment's shop has its own item ids. It shows the active one.
  const environment: ShopeeEnvironment | undefined = params.env === "all" ? active.data?.active_environment : params.env
  const unmap = useMutation({
    mutationFn: (row: ShopeeListing) => catalogueApi.unmap(row.id),
    onSuccess: (_, row) =>
      toast.success("Listing unmapped", { description: `${row.item_name ?? row.item_id}: re-imports leave it without a variant` }),
    onError: (error) => toast.error("Could not unmap the listing", { description: errorMessage(error) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: shopeeKeys.all }),
  })

  if (!environment) {
    return <Text size="small">{active.isError ? errorMessage(active.error) : "Loading…"}</Text>
  }
  const filters = (
    <>
      <FilterSelect
        label="View"
        allLabel="Shopee listings"
        value={params.filters.view}
        options={VIEW_OPTIONS}
        onChange={(view) => params.update({ view, status: "" })}
      />
      <SearchFilter
        label="Search"
        placeholder={params.filters.view === "unlisted" ? "SKU or title" : "SKU, name or item id"}
        value={params.filters.q}
        onChange={(q) => params.update({ q })}
      />
      <div className="ml-auto">
        <CatalogueImport environment={environment} />
      </div>
    </>
  )
  const description = `Shopee ${environment} listings and the Medusa variants they sell. Matching is by exact SKU; conflicts and unmatched listings wait for you.`

  // Each view is its own list (a `key`): a list keeps its previous answer while the next loads,
  // and the listings' answer has no rows in the variants' columns.
  if (params.filters.view === "unlisted") {
    return (
      <ShopeeListPage
        key="unlisted"
        title="Shopee products"
        description={description}
        queryKey={(query) => catalogueKeys.unlisted({ ...query, env: environment })}
        read={(query) => catalogueApi.unlisted(environment, query)}
        rows={(answer) => answer.variants}
        columns={UNLISTED_COLUMNS}
        params={params}
        statusOptions={[]}
        moreFilters={filters}
        texts={{
          loading: "variants",
          error: "The variants could not be loaded",
          empty: "Every variant of the Shopee sales channel has a Shopee listing.",
          emptyFiltered: "No variant without a listing matches these filters.",
        }}
        testIds={{ filters: "product-filters", table: "unlisted-variants-table", row: (variant) => `unlisted-row-${variant.id}` }}
      />
    )
  }
  return (
    <ShopeeListPage
      key="listings"
      title="Shopee products"
      description={description}
      queryKey={(query) => catalogueKeys.listings({ ...query, env: environment })}
      read={(query) => catalogueApi.listings(environment, query)}
      rows={(answer) => answer.products}
      columns={LISTING_COLUMNS}
      rowActions={(row) => (
        <div className="flex justify-end gap-x-2">
          <Button size="small" variant="secondary" onClick={() => setMapping(row)}>
            {row.variant_id ? "Change" : "Map"}
          </Button>
          {row.variant_id && (
            <Button
              size="small"
              variant="transparent"
              isLoading={unmap.isPending && unmap.variables?.id === row.id}
              onClick={() => unmap.mutate(row)}
            >
              Unmap
            </Button>
          )}
        </div>
      )}
      params={params}
      statusOptions={MATCH_OPTIONS}
      moreFilters={filters}
      texts={{
        loading: "Shopee listings",
        error: "The Shopee listings could not be loaded",
        empty: "No Shopee listings yet: import the catalogue.",
        emptyFiltered: "No Shopee listings match these filters.",
      }}
      testIds={{ filters: "product-filters", table: "listings-table", row: (row) => `listing-row-${row.id}` }}
      rowClassName="[&_td]:align-top"
    >
      <MapVariantDrawer listing={mapping} onClose={() => setMapping(null)} />
    </ShopeeListPage>
  )
}

export const config = defineRouteConfig({ label: "Products", rank: 2.5 })

export default ShopeeProductsPage

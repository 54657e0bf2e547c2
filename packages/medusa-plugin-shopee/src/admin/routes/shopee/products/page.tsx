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
import type { Translate } from "../../../lib/translate"
import { environmentLabelKey, type ShopeeEnvironment } from "../../../lib/types"
import { useTranslation } from "react-i18next"

const MATCH_COLORS: Record<string, "green" | "orange" | "red"> = { matched: "green", unmatched: "orange", conflict: "red" }

const count = (value: number | null | undefined) => (value === null || value === undefined ? "—" : String(value))

const VariantLink = ({ variant }: { variant: ProductVariantRef | null | undefined }) => {
  const { t } = useTranslation()
  return variant ? (
    <Link to={`/products/${variant.product_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small">
      {variant.sku ?? variant.id}
      <Text size="xsmall" className="text-ui-fg-subtle">
        {variant.product_title} — {variant.title}
      </Text>
    </Link>
  ) : (
    <Text size="small" className="text-ui-fg-muted">
      {t("shopee.products.noVariant")}
    </Text>
  )
}

const listingColumns = (t: Translate): ListColumn<ShopeeListing>[] => [
  {
    header: t("shopee.productWidget.listing"),
    className: "max-w-[280px] whitespace-normal py-2",
    cell: (row) => (
      <>
        <Text size="small" weight="plus">
          {row.item_name}
          {row.model_name ? ` — ${row.model_name}` : ""}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle font-mono">
          {/* Model 0 is Shopee's "no variations": the item itself is the listing. */}
          {t("shopee.productWidget.item", { id: row.item_id })}
          {row.model_id !== "0" ? ` · ${t("shopee.productWidget.model", { id: row.model_id })}` : ""}
          {row.item_status && row.item_status !== "NORMAL" ? ` · ${row.item_status}` : ""}
        </Text>
      </>
    ),
  },
  { header: t("shopee.products.sku"), className: "font-mono whitespace-nowrap", cell: (row) => row.sku ?? "—" },
  { header: t("shopee.products.medusaVariant"), cell: (row) => <VariantLink variant={row.variant} /> },
  {
    header: t("shopee.products.match"),
    className: "max-w-[260px] whitespace-normal py-2",
    cellProps: (row) => ({ "data-testid": `listing-match-${row.id}` }),
    cell: (row) => (
      <>
        <StatusBadge color={MATCH_COLORS[row.match_state] ?? "orange"}>
          {row.match_state === "matched"
            ? row.match_source === "manual"
              ? t("shopee.products.mappedByHand")
              : t("shopee.products.matchedBySku")
            : row.match_state === "conflict"
              ? t("shopee.products.conflict")
              : t("shopee.products.unmatched")}
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
    header: t("shopee.productWidget.stock"),
    cellProps: (row) => ({ "data-testid": `listing-stock-${row.id}` }),
    cell: (row) =>
      `${count(row.shopee_stock)}${row.reserved_stock ? ` (${t("shopee.productWidget.reserved", { count: row.reserved_stock })})` : ""}`,
  },
  { header: t("shopee.products.medusaAvailable"), cell: (row) => count(row.medusa_available) },
  {
    header: t("shopee.products.planned"),
    cellProps: (row) => ({ "data-testid": `listing-planned-${row.id}` }),
    cell: (row) => count(row.planned_stock),
  },
]

const unlistedColumns = (t: Translate): ListColumn<ProductVariantRef>[] => [
  { header: t("shopee.products.sku"), className: "font-mono whitespace-nowrap", cell: (variant) => variant.sku ?? "—" },
  {
    header: t("shopee.products.medusaProduct"),
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
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const params = useListParams(["status", "q", "view"] as const)
  const active = useQuery({ queryKey: shopeeKeys.activeEnvironment(), queryFn: shopeeApi.activeEnvironment })
  const [mapping, setMapping] = useState<ShopeeListing | null>(null)
  // "All" is not a catalogue: each environment's shop has its own item ids. It shows the active one.
  const environment: ShopeeEnvironment | undefined = params.env === "all" ? active.data?.active_environment : params.env
  const unmap = useMutation({
    mutationFn: (row: ShopeeListing) => catalogueApi.unmap(row.id),
    onSuccess: (_, row) =>
      toast.success(t("shopee.products.unmapped"), {
        description: t("shopee.products.unmappedDescription", { listing: row.item_name ?? row.item_id }),
      }),
    onError: (error) => toast.error(t("shopee.products.unmapError"), { description: errorMessage(error) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: shopeeKeys.all }),
  })

  if (!environment) {
    return <Text size="small">{active.isError ? errorMessage(active.error) : t("shopee.common.loading")}</Text>
  }
  const filters = (
    <>
      <FilterSelect
        label={t("shopee.products.view")}
        allLabel={t("shopee.products.listings")}
        value={params.filters.view}
        options={[{ value: "unlisted", label: t("shopee.products.unlistedView") }]}
        onChange={(view) => params.update({ view, status: "" })}
      />
      <SearchFilter
        label={t("shopee.products.search")}
        placeholder={params.filters.view === "unlisted" ? t("shopee.products.searchUnlisted") : t("shopee.products.searchListings")}
        value={params.filters.q}
        onChange={(q) => params.update({ q })}
      />
      <div className="ml-auto">
        <CatalogueImport environment={environment} />
      </div>
    </>
  )
  const description = t("shopee.products.description", { env: t(environmentLabelKey(environment)) })

  // Each view is its own list (a `key`): a list keeps its previous answer while the next loads,
  // and the listings' answer has no rows in the variants' columns.
  if (params.filters.view === "unlisted") {
    return (
      <ShopeeListPage
        key="unlisted"
        title={t("shopee.products.title")}
        description={description}
        queryKey={(query) => catalogueKeys.unlisted({ ...query, env: environment })}
        read={(query) => catalogueApi.unlisted(environment, query)}
        rows={(answer) => answer.variants}
        columns={unlistedColumns(t)}
        params={params}
        statusOptions={[]}
        moreFilters={filters}
        texts={{
          loading: t("shopee.products.unlistedNoun"),
          error: t("shopee.products.unlistedError"),
          empty: t("shopee.products.unlistedEmpty"),
          emptyFiltered: t("shopee.products.unlistedEmptyFiltered"),
        }}
        testIds={{ filters: "product-filters", table: "unlisted-variants-table", row: (variant) => `unlisted-row-${variant.id}` }}
      />
    )
  }
  return (
    <ShopeeListPage
      key="listings"
      title={t("shopee.products.title")}
      description={description}
      queryKey={(query) => catalogueKeys.listings({ ...query, env: environment })}
      read={(query) => catalogueApi.listings(environment, query)}
      rows={(answer) => answer.products}
      columns={listingColumns(t)}
      rowActions={(row) => (
        <div className="flex justify-end gap-x-2">
          <Button size="small" variant="secondary" onClick={() => setMapping(row)}>
            {row.variant_id ? t("shopee.products.change") : t("shopee.products.map")}
          </Button>
          {row.variant_id && (
            <Button
              size="small"
              variant="transparent"
              isLoading={unmap.isPending && unmap.variables?.id === row.id}
              onClick={() => unmap.mutate(row)}
            >
              {t("shopee.products.unmap")}
            </Button>
          )}
        </div>
      )}
      params={params}
      statusOptions={[
        { value: "unmatched,conflict", label: t("shopee.products.matchFilter.unmatched") },
        { value: "matched", label: t("shopee.products.matchFilter.matched") },
        { value: "conflict", label: t("shopee.products.matchFilter.conflicts") },
      ]}
      moreFilters={filters}
      texts={{
        loading: t("shopee.products.listingsNoun"),
        error: t("shopee.products.listingsError"),
        empty: t("shopee.products.listingsEmpty"),
        emptyFiltered: t("shopee.products.listingsEmptyFiltered"),
      }}
      testIds={{ filters: "product-filters", table: "listings-table", row: (row) => `listing-row-${row.id}` }}
      rowClassName="[&_td]:align-top"
    >
      <MapVariantDrawer listing={mapping} onClose={() => setMapping(null)} />
    </ShopeeListPage>
  )
}

export const config = defineRouteConfig({ label: "shopee.nav.products", translationNs: "translation", rank: 2.5 })

export default ShopeeProductsPage

import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { EnvBadge } from "../components/env-badge"
import { catalogueApi, catalogueKeys } from "../lib/catalogue-api"
import { errorMessage } from "../lib/sdk"
import { useTranslation } from "react-i18next"

/** Each variant's Shopee listings per environment and their Shopee stock, on the product's page. */
const ShopeeProductWidget = ({ data: product }: DetailWidgetProps<HttpTypes.AdminProduct>) => {
  const { t } = useTranslation()
  const variants = useQuery({
    queryKey: catalogueKeys.productVariants(product.id),
    queryFn: () => catalogueApi.productVariants(product.id),
  })
  const variantIds = (variants.data?.variants ?? []).map((variant) => variant.id)
  const listings = useQuery({
    queryKey: catalogueKeys.byVariant(variantIds),
    queryFn: () => catalogueApi.byVariant(variantIds),
    enabled: variantIds.length > 0,
    retry: 1,
  })
  const variantsById = new Map((variants.data?.variants ?? []).map((variant) => [variant.id, variant]))
  const failed = variants.error ?? listings.error
  const loading = variants.isPending || (variantIds.length > 0 && listings.isPending)
  return (
    <Container className="divide-y p-0" data-testid="shopee-product-widget">
      <div className="px-6 py-4">
        <Heading level="h2">Shopee</Heading>
      </div>
      {failed ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          {t("shopee.productWidget.loadError", { error: errorMessage(failed) })}
        </Text>
      ) : loading ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          {t("shopee.common.loading")}
        </Text>
      ) : (listings.data?.listings ?? []).length === 0 ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          {t("shopee.productWidget.none")}{" "}
          <Link to="/shopee/products?view=unlisted" className="text-ui-fg-interactive">
            {t("shopee.productWidget.mapOne")}
          </Link>
        </Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("shopee.productWidget.variant")}</Table.HeaderCell>
              <Table.HeaderCell>{t("shopee.common.env")}</Table.HeaderCell>
              <Table.HeaderCell>{t("shopee.productWidget.listing")}</Table.HeaderCell>
              <Table.HeaderCell>{t("shopee.productWidget.stock")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {listings.data!.listings.map((listing) => {
              const variant = variantsById.get(listing.variant_id ?? "")
              return (
                <Table.Row key={listing.id} data-testid={`shopee-product-listing-${listing.id}`}>
                  <Table.Cell>
                    <Text size="small" weight="plus">
                      {variant?.title ?? listing.variant_id}
                    </Text>
                    <Text size="xsmall" className="text-ui-fg-subtle font-mono">
                      {variant?.sku ?? ""}
                    </Text>
                  </Table.Cell>
                  <Table.Cell>
                    <EnvBadge environment={listing.environment} />
                  </Table.Cell>
                  <Table.Cell className="whitespace-normal py-2">
                    <Link
                      to={`/shopee/products?env=${listing.environment}&q=${listing.item_id}`}
                      className="text-ui-fg-interactive txt-compact-small"
                    >
                      {listing.item_name ?? t("shopee.productWidget.item", { id: listing.item_id })}
                      {listing.model_name ? ` — ${listing.model_name}` : ""}
                    </Link>
                    <Text size="xsmall" className="text-ui-fg-subtle font-mono">
                      {t("shopee.productWidget.item", { id: listing.item_id })}
                      {listing.model_id !== "0" ? ` · ${t("shopee.productWidget.model", { id: listing.model_id })}` : ""}
                    </Text>
                  </Table.Cell>
                  <Table.Cell>
                    {listing.shopee_stock ?? "—"}
                    {listing.reserved_stock ? ` (${t("shopee.productWidget.reserved", { count: listing.reserved_stock })})` : ""}
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.after" })

export default ShopeeProductWidget

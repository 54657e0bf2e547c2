import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { EnvBadge } from "../components/env-badge"
import { catalogueApi, catalogueKeys } from "../lib/catalogue-api"
import { errorMessage } from "../lib/sdk"

/** Each variant's Shopee listings per environment and their Shopee stock, on the product's page. */
const ShopeeProductWidget = ({ data: product }: DetailWidgetProps<HttpTypes.AdminProduct>) => {
  const variantIds = (product.variants ?? []).map((variant) => variant.id)
  const listings = useQuery({
    queryKey: catalogueKeys.byVariant(variantIds),
    queryFn: () => catalogueApi.byVariant(variantIds),
    enabled: variantIds.length > 0,
    retry: 1,
  })
  const variantsById = new Map((product.variants ?? []).map((variant) => [variant.id, variant]))
  return (
    <Container className="divide-y p-0" data-testid="shopee-product-widget">
      <div className="px-6 py-4">
        <Heading level="h2">Shopee</Heading>
      </div>
      {listings.isError ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          The Shopee listings could not be loaded: {errorMessage(listings.error)}
        </Text>
      ) : (listings.data?.listings ?? []).length === 0 ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          {listings.isPending && variantIds.length > 0 ? "Loading…" : "No variant of this product is on Shopee."}{" "}
          <Link to="/shopee/products?view=unlisted" className="text-ui-fg-interactive">
            Map one on the Shopee products page.
          </Link>
        </Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Variant</Table.HeaderCell>
              <Table.HeaderCell>Env</Table.HeaderCell>
              <Table.HeaderCell>Shopee listing</Table.HeaderCell>
              <Table.HeaderCell>Shopee stock</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {listings.data!.listings.map((listing) => (
              <Table.Row key={listing.id} data-testid={`shopee-product-listing-${listing.id}`}>
                <Table.Cell>{variantsById.get(listing.variant_id ?? "")?.sku ?? variantsById.get(listing.variant_id ?? "")?.title ?? listing.variant_id}</Table.Cell>
                <Table.Cell>
                  <EnvBadge environment={listing.environment} />
                </Table.Cell>
                <Table.Cell>
                  <Link to={`/shopee/products?env=${listing.environment}&q=${listing.item_id}`} className="text-ui-fg-interactive font-mono">
                    {listing.item_id}/{listing.model_id}
                  </Link>
                </Table.Cell>
                <Table.Cell>{listing.shopee_stock ?? "—"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.after" })

export default ShopeeProductWidget

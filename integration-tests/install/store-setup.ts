import { expectOk, type AdminApi } from "./admin-api"

/** What an order import needs from a fresh store, named as the plugin's defaults name it. */
export const SHOPEE_SALES_CHANNEL = "Shopee"
export const SHOPEE_SHIPPING_OPTION = "Shopee Logistics"

export type StoreSetup = { region_id: string; sales_channel_id: string; location_id: string; variant_id: string }

/**
 * Sets up, through the admin API as a merchant would in the admin, what the plugin needs to
 * import an order: a region selling in the shop's currency, the "Shopee" sales channel with a
 * stock location, the "Shopee Logistics" shipping option, and a product whose variant carries
 * the Shopee item's SKU, in stock.
 */
export async function setUpStoreForShopee(
  api: AdminApi,
  shop: { country_code: string; currency_code: string },
  product: { title: string; sku: string; price: number; stock: number }
): Promise<StoreSetup> {
  const { stock_location: location } = await expectOk(api, "POST", "/admin/stock-locations", { name: "Warehouse" })
  const { sales_channel: channel } = await expectOk(api, "POST", "/admin/sales-channels", { name: SHOPEE_SALES_CHANNEL })
  await expectOk(api, "POST", `/admin/stock-locations/${location.id}/sales-channels`, { add: [channel.id] })
  await expectOk(api, "POST", `/admin/stock-locations/${location.id}/fulfillment-providers`, { add: ["manual_manual"] })
  const withSet = await expectOk(api, "POST", `/admin/stock-locations/${location.id}/fulfillment-sets?fields=*fulfillment_sets`, {
    name: "Warehouse shipping",
    type: "shipping",
  })
  const fulfillmentSetId = withSet.stock_location.fulfillment_sets[0].id
  const { fulfillment_set: fulfillmentSet } = await expectOk(api, "POST", `/admin/fulfillment-sets/${fulfillmentSetId}/service-zones`, {
    name: shop.country_code.toUpperCase(),
    geo_zones: [{ type: "country", country_code: shop.country_code }],
  })
  const { region } = await expectOk(api, "POST", "/admin/regions", {
    name: shop.country_code.toUpperCase(),
    currency_code: shop.currency_code,
    countries: [shop.country_code],
    payment_providers: ["pp_system_default"],
  })
  const { shipping_profiles: profiles } = await expectOk(api, "GET", "/admin/shipping-profiles?type=default")
  await expectOk(api, "POST", "/admin/shipping-options", {
    name: SHOPEE_SHIPPING_OPTION,
    price_type: "flat",
    provider_id: "manual_manual",
    service_zone_id: fulfillmentSet.service_zones[0].id,
    shipping_profile_id: profiles[0].id,
    type: { label: "Shopee", description: "Shipped by Shopee's logistics partner.", code: "shopee" },
    prices: [{ region_id: region.id, amount: 0 }],
    rules: [
      { attribute: "enabled_in_store", value: "false", operator: "eq" },
      { attribute: "is_return", value: "false", operator: "eq" },
    ],
  })
  const { product: created } = await expectOk(api, "POST", "/admin/products?fields=*variants", {
    title: product.title,
    status: "published",
    shipping_profile_id: profiles[0].id,
    options: [{ title: "Edition", values: ["Standard"] }],
    variants: [
      {
        title: "Standard",
        sku: product.sku,
        manage_inventory: true,
        options: { Edition: "Standard" },
        prices: [{ amount: product.price, currency_code: shop.currency_code }],
      },
    ],
    sales_channels: [{ id: channel.id }],
  })
  const { inventory_items: items } = await expectOk(api, "GET", `/admin/inventory-items?sku=${encodeURIComponent(product.sku)}`)
  await expectOk(api, "POST", `/admin/inventory-items/${items[0].id}/location-levels`, {
    location_id: location.id,
    stocked_quantity: product.stock,
  })
  return { region_id: region.id, sales_channel_id: channel.id, location_id: location.id, variant_id: created.variants[0].id }
}

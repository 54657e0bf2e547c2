import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { DEMO_PRODUCTS, DEMO_REGION, DEMO_STOCK_LOCATION, SHOPEE_SALES_CHANNEL, STORE_SALES_CHANNEL } from "./demo-catalogue"

export type SeedOutcome = { seeded: boolean }

/**
 * Seeds the demo store once. The "Shopee" sales channel is the marker: when it exists the
 * store has been seeded (or set up by hand) and nothing is touched.
 */
export async function seedDemoStore(container: MedusaContainer): Promise<SeedOutcome> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const stores = container.resolve(Modules.STORE)

  if ((await salesChannels.listSalesChannels({ name: SHOPEE_SALES_CHANNEL })).length > 0) {
    return { seeded: false }
  }
  logger.info("Seeding the demo store…")

  const [store] = await stores.listStores()
  let [storeChannel] = await salesChannels.listSalesChannels({ name: STORE_SALES_CHANNEL })
  const { result: createdChannels } = await createSalesChannelsWorkflow(container).run({
    input: {
      salesChannelsData: [
        ...(storeChannel ? [] : [{ name: STORE_SALES_CHANNEL }]),
        { name: SHOPEE_SALES_CHANNEL, description: "Orders imported from Shopee" },
      ],
    },
  })
  storeChannel ??= createdChannels.find((channel) => channel.name === STORE_SALES_CHANNEL)!
  const shopeeChannel = createdChannels.find((channel) => channel.name === SHOPEE_SALES_CHANNEL)!

  await stores.updateStores(store.id, {
    supported_currencies: [{ currency_code: DEMO_REGION.currency_code, is_default: true }],
  })
  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { default_sales_channel_id: storeChannel.id } },
  })

  const { result: regions } = await createRegionsWorkflow(container).run({
    input: { regions: [{ ...DEMO_REGION, payment_providers: ["pp_system_default"] }] },
  })
  await createTaxRegionsWorkflow(container).run({
    input: DEMO_REGION.countries.map((country_code) => ({ country_code, provider_id: "tp_system" })),
  })

  const { result: locations } = await createStockLocationsWorkflow(container).run({
    input: { locations: [DEMO_STOCK_LOCATION] },
  })
  const location = locations[0]
  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { default_location_id: location.id } },
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })

  let [shippingProfile] = await fulfillment.listShippingProfiles({ type: "default" })
  if (!shippingProfile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    shippingProfile = result[0]
  }
  const fulfillmentSet = await fulfillment.createFulfillmentSets({
    name: `${DEMO_STOCK_LOCATION.name} delivery`,
    type: "shipping",
    service_zones: [
      {
        name: DEMO_REGION.name,
        geo_zones: DEMO_REGION.countries.map((country_code) => ({ country_code, type: "country" as const })),
      },
    ],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
  })
  // Shopee arranges its own logistics; its orders get this option so Medusa can fulfil them.
  await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Shopee Logistics",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0].id,
        shipping_profile_id: shippingProfile.id,
        type: { label: "Shopee", description: "Shipped by Shopee's logistics partner.", code: "shopee" },
        prices: [{ region_id: regions[0].id, amount: 0 }],
        rules: [
          { attribute: "enabled_in_store", value: "false", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
      {
        name: "Standard Shipping",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0].id,
        shipping_profile_id: shippingProfile.id,
        type: { label: "Standard", description: "Tracked delivery in 2-3 days.", code: "standard" },
        prices: [{ region_id: regions[0].id, amount: 5 }],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: location.id, add: [storeChannel.id, shopeeChannel.id] },
  })

  await createProductsWorkflow(container).run({
    input: {
      products: DEMO_PRODUCTS.map((product) => ({
        title: product.title,
        handle: product.handle,
        description: product.description,
        status: ProductStatus.PUBLISHED,
        shipping_profile_id: shippingProfile.id,
        options: [{ title: "Grade", values: product.variants.map((variant) => variant.title) }],
        variants: product.variants.map((variant) => ({
          title: variant.title,
          sku: variant.sku,
          manage_inventory: true,
          options: { Grade: variant.title },
          prices: [{ amount: variant.price, currency_code: DEMO_REGION.currency_code }],
        })),
        sales_channels: [{ id: storeChannel.id }, { id: shopeeChannel.id }],
      })),
    },
  })

  const stockBySku = new Map(DEMO_PRODUCTS.flatMap((product) => product.variants.map((variant) => [variant.sku, variant.stock] as const)))
  const { data: inventoryItems } = await query.graph({
    entity: "inventory_item",
    fields: ["id", "sku"],
    filters: { sku: [...stockBySku.keys()] },
  })
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: inventoryItems.map((item) => ({
        location_id: location.id,
        inventory_item_id: item.id,
        stocked_quantity: stockBySku.get(item.sku as string) ?? 0,
      })),
    },
  })
  logger.info("Demo store seeded.")
  return { seeded: true }
}

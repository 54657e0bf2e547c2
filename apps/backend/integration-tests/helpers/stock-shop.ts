import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { createInventoryLevelsWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { SHOPEE_SALES_CHANNEL, STORE_SALES_CHANNEL } from "../../src/demo/demo-catalogue"
import { control, type Sandbox } from "./connected-shop"
import { SANDBOX_SHOP_ID } from "./sandbox"

/** A full catalogue import of an environment's active profile, run to its end (as the admin's Re-import does). */
export async function importCatalogue(container: MedusaContainer, environment: "sandbox" | "live" = "sandbox"): Promise<void> {
  const { importShopeeCatalogueWorkflow } = require("medusa-plugin-shopee/workflows")
  const shopee = container.resolve<{ beginCatalogueRun(env: string, mode: string): Promise<unknown> }>("shopee")
  const run = await shopee.beginCatalogueRun(environment, "full")
  await importShopeeCatalogueWorkflow(container).run({ input: { run } })
}

/**
 * Cards sold in both channels: each a product with one variant of that SKU, `copies` of it in
 * Medusa at the Shopee channel's location, and a Shopee listing with `listed` in stock.
 */
export async function addCards(
  container: MedusaContainer,
  sandbox: Sandbox,
  skus: string[],
  copies: number,
  listed: number
): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: channels } = await query.graph({
    entity: "sales_channel",
    fields: ["id", "name", "stock_locations.id"],
    filters: { name: [SHOPEE_SALES_CHANNEL, STORE_SALES_CHANNEL] },
  })
  const [profile] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" })
  await createProductsWorkflow(container).run({
    input: {
      products: skus.map((sku) => ({
        title: `Card ${sku}`,
        status: ProductStatus.PUBLISHED,
        shipping_profile_id: profile.id,
        options: [{ title: "Grade", values: ["Raw"] }],
        variants: [
          { title: "Raw", sku, manage_inventory: true, options: { Grade: "Raw" }, prices: [{ amount: 10, currency_code: "sgd" }] },
        ],
        sales_channels: channels.map((channel) => ({ id: channel.id })),
      })),
    },
  })
  const { data: items } = await query.graph({ entity: "inventory_item", fields: ["id"], filters: { sku: skus } })
  const locationId = channels.find((channel) => channel.name === SHOPEE_SALES_CHANNEL)!.stock_locations![0]!.id
  await createInventoryLevelsWorkflow(container).run({
    input: { inventory_levels: items.map((item) => ({ location_id: locationId, inventory_item_id: item.id, stocked_quantity: copies })) },
  })
  for (const sku of skus)
    await control(sandbox, "POST", "/_control/items", { shop_id: SANDBOX_SHOP_ID, item_name: `Card ${sku}`, item_sku: sku, stock: listed })
}

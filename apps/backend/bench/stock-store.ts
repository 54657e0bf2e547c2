import type { AdminApi } from "../scripts/admin-server"
import { SHOPEE_SALES_CHANNEL, STORE_SALES_CHANNEL } from "../src/demo/demo-catalogue"

/**
 * The store side of the stock benchmark, through Medusa's HTTP APIs only (the server is
 * `npm start` in another process): products created in batches, their stock set in batches,
 * and a sale as a storefront makes it.
 */

const ok = <T extends { status: number; data: any }>(answer: T, step: string): T => {
  if (answer.status >= 300) throw new Error(`${step}: ${answer.status} ${JSON.stringify(answer.data).slice(0, 500)}`)
  return answer
}

export type StoreContext = { channelIds: string[]; shopeeLocationId: string; shippingProfileId: string }

/** The demo store's two sales channels, the Shopee channel's stock location and the default shipping profile. */
export async function storeContext(api: AdminApi): Promise<StoreContext> {
  const { data: channels } = ok(await api("GET", "/admin/sales-channels?limit=50&fields=id,name,*stock_locations"), "sales channels")
  const wanted = channels.sales_channels.filter((channel: { name: string }) =>
    [SHOPEE_SALES_CHANNEL, STORE_SALES_CHANNEL].includes(channel.name)
  )
  const shopee = wanted.find((channel: { name: string }) => channel.name === SHOPEE_SALES_CHANNEL)
  const { data: profiles } = ok(await api("GET", "/admin/shipping-profiles?type=default"), "shipping profiles")
  return {
    channelIds: wanted.map((channel: { id: string }) => channel.id),
    shopeeLocationId: shopee.stock_locations[0].id,
    shippingProfileId: profiles.shipping_profiles[0].id,
  }
}

/**
 * Products with `variantsEach` variants each (SKU `${prefix}-${product}-${variant}`, or
 * `${prefix}-${product}` for one), sold in both channels, `stock` of each at the Shopee
 * channel's location. Batches of `batch` products through /admin/products/batch, then the
 * levels through /admin/inventory-items/location-levels/batch.
 */
export async function createProducts(
  api: AdminApi,
  store: StoreContext,
  input: { prefix: string; products: number; variantsEach: number; stock: number; batch: number; log: (line: string) => void }
): Promise<string[]> {
  const skus: string[] = []
  for (let start = 0; start < input.products; start += input.batch) {
    const products = Array.from({ length: Math.min(input.batch, input.products - start) }, (_, offset) => {
      const index = start + offset + 1
      const grades = Array.from({ length: input.variantsEach }, (_, variant) => `G${variant + 1}`)
      return {
        title: `${input.prefix} ${index}`,
        status: "published",
        shipping_profile_id: store.shippingProfileId,
        options: [{ title: "Grade", values: grades }],
        variants: grades.map((grade, variant) => {
          const sku = input.variantsEach === 1 ? `${input.prefix}-${index}` : `${input.prefix}-${index}-${variant + 1}`
          skus.push(sku)
          return { title: grade, sku, manage_inventory: true, options: { Grade: grade }, prices: [{ amount: 10, currency_code: "sgd" }] }
        }),
        sales_channels: store.channelIds.map((id) => ({ id })),
      }
    })
    ok(await api("POST", "/admin/products/batch", { create: products }), "create products")
    if (input.products > input.batch) input.log(`  products ${Math.min(start + input.batch, input.products)}/${input.products}`)
  }
  for (let start = 0; start < skus.length; start += 500) {
    const chunk = skus.slice(start, start + 500)
    const { data } = ok(
      await api("GET", `/admin/inventory-items?limit=500&fields=id&${chunk.map((sku) => `sku[]=${encodeURIComponent(sku)}`).join("&")}`),
      "inventory items"
    )
    ok(
      await api("POST", "/admin/inventory-items/location-levels/batch", {
        create: data.inventory_items.map((item: { id: string }) => ({
          inventory_item_id: item.id,
          location_id: store.shopeeLocationId,
          stocked_quantity: input.stock,
        })),
      }),
      "stock levels"
    )
  }
  return skus
}

/** A publishable key for the store's own channel, as a storefront has one. */
export async function publishableKey(api: AdminApi): Promise<string> {
  const { data: channels } = ok(await api("GET", `/admin/sales-channels?name=${encodeURIComponent(STORE_SALES_CHANNEL)}`), "store channel")
  const { data } = ok(await api("POST", "/admin/api-keys", { title: "Stock bench storefront", type: "publishable" }), "api key")
  ok(await api("POST", `/admin/api-keys/${data.api_key.id}/sales-channels`, { add: [channels.sales_channels[0].id] }), "key channel")
  return data.api_key.token
}

/**
 * A sale through the store API: cart, address, the store's shipping option, a payment session
 * with the system provider, complete. Resolves when Medusa answers the order.
 */
export async function sellInStore(serverUrl: string, key: string, regionId: string, variantId: string): Promise<string> {
  const call = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${serverUrl}${route}`, {
      method,
      headers: { "x-publishable-api-key": key, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, data: (await response.json()) as any }
  }
  const {
    data: { cart },
  } = ok(
    await call("POST", "/store/carts", {
      region_id: regionId,
      email: "bench@example.com",
      items: [{ variant_id: variantId, quantity: 1 }],
      shipping_address: {
        first_name: "Ada",
        last_name: "Buyer",
        address_1: "1 Orchard Road",
        city: "Singapore",
        country_code: "sg",
        postal_code: "238801",
      },
    }),
    "create cart"
  )
  const {
    data: { shipping_options },
  } = ok(await call("GET", `/store/shipping-options?cart_id=${cart.id}`), "shipping options")
  const standard = shipping_options.find((option: { name: string }) => option.name === "Standard Shipping") ?? shipping_options[0]
  ok(await call("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: standard.id }), "shipping method")
  const {
    data: { payment_collection },
  } = ok(await call("POST", "/store/payment-collections", { cart_id: cart.id }), "payment collection")
  ok(
    await call("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }),
    "payment session"
  )
  const completed = ok(await call("POST", `/store/carts/${cart.id}/complete`, {}), "complete")
  if (completed.data.type !== "order") throw new Error(`complete: ${JSON.stringify(completed.data).slice(0, 500)}`)
  return completed.data.order.id
}

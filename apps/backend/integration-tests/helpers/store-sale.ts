import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance } from "axios"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createApiKeysWorkflow, linkSalesChannelsToApiKeyWorkflow } from "@medusajs/medusa/core-flows"
import { STORE_SALES_CHANNEL } from "../../src/demo/demo-catalogue"

/** A publishable key for the demo store's own sales channel, as a storefront has one. */
export async function storefrontHeaders(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [channel],
  } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { name: STORE_SALES_CHANNEL } })
  const {
    result: [key],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [channel.id] } })
  return { headers: { "x-publishable-api-key": key.token }, validateStatus: () => true }
}

/**
 * A sale through the store API as a storefront makes it: a cart with the variant, an address,
 * the store's shipping option, a payment session with the system provider, then complete.
 * Answers the Medusa order id.
 */
export async function sellInStore(api: AxiosInstance, container: MedusaContainer, sku: string, quantity = 1): Promise<string> {
  const options = await storefrontHeaders(container)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [variant],
  } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { sku } })
  const {
    data: [region],
  } = await query.graph({ entity: "region", fields: ["id"], filters: { currency_code: "sgd" } })
  const ok = <T extends { status: number; data: any }>(answer: T, step: string): T => {
    if (answer.status >= 300) throw new Error(`${step}: ${answer.status} ${JSON.stringify(answer.data)}`)
    return answer
  }
  const cart = ok(
    await api.post(
      "/store/carts",
      {
        region_id: region.id,
        email: "buyer@example.com",
        items: [{ variant_id: variant.id, quantity }],
        shipping_address: {
          first_name: "Ada",
          last_name: "Buyer",
          address_1: "1 Orchard Road",
          city: "Singapore",
          country_code: "sg",
          postal_code: "238801",
        },
      },
      options
    ),
    "create cart"
  ).data.cart
  const shipping = ok(await api.get(`/store/shipping-options?cart_id=${cart.id}`, options), "shipping options").data.shipping_options
  const standard = shipping.find((option: { name: string }) => option.name === "Standard Shipping")
  ok(await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: standard.id }, options), "shipping method")
  const collection = ok(await api.post("/store/payment-collections", { cart_id: cart.id }, options), "payment collection").data
    .payment_collection
  ok(
    await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, options),
    "payment session"
  )
  const completed = ok(await api.post(`/store/carts/${cart.id}/complete`, {}, options), "complete")
  if (completed.data.type !== "order") throw new Error(`complete: ${JSON.stringify(completed.data)}`)
  return completed.data.order.id as string
}

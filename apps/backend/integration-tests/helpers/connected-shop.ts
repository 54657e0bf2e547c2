import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance } from "axios"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { startSandbox } from "@shopee-medusa/shopee-sandbox"
import { seedDemoStore } from "../../src/demo/seed-demo-store"
import { adminHeaders } from "./admin-session"
import { allowApiBaseUrl, SANDBOX_PARTNER, SANDBOX_SHOP_ID } from "./sandbox"

/** The simulator's catalogue: the demo store's SKUs, and one item the store does not sell. */
export const SANDBOX_ITEMS = [
  { item_name: "Charizard Holo, Base Set 4/102", item_sku: "PKM-BS-004-PSA8", price: 1250, stock: 3 },
  { item_name: "Scarlet & Violet Booster Box", item_sku: "PKM-SV1-BB", price: 189, stock: 50 },
  { item_name: "Mystery binder", item_sku: "NOT-IN-MEDUSA", price: 40, stock: 5 },
]

/**
 * The simulator with the demo catalogue, allowed as an API base URL of the server under test.
 * `clock` is the simulator's "now" (see its README); the store signs with the real time.
 */
export async function startOrderSandbox(callbackUrl?: string, clock?: () => number) {
  const sandbox = await startSandbox({
    partners: [{ ...SANDBOX_PARTNER, ...(callbackUrl ? { callback_url: callbackUrl } : {}) }],
    shops: [{ shop_id: SANDBOX_SHOP_ID, region: "SG", items: SANDBOX_ITEMS }],
    pushSchedule: [100, 200],
    ...(clock ? { clock } : {}),
  })
  allowApiBaseUrl(sandbox.url)
  return sandbox
}

export type Sandbox = Awaited<ReturnType<typeof startOrderSandbox>>

/**
 * A store as a merchant has it after setup: the demo catalogue, the sandbox profile filled in
 * and pointed at the simulator, and the shop authorized (tokens stored through the callback).
 */
export async function connectShop(api: AxiosInstance, container: MedusaContainer, sandbox: Sandbox) {
  await seedDemoStore(container)
  const options = await adminHeaders(api, container)
  await api.patch(
    "/admin/shopee/credentials?env=sandbox",
    {
      partner_id: SANDBOX_PARTNER.partner_id,
      partner_key: SANDBOX_PARTNER.partner_key,
      push_partner_key: SANDBOX_PARTNER.push_partner_key,
      shop_id: SANDBOX_SHOP_ID,
      api_base_url: sandbox.url,
    },
    options
  )
  const { code } = await control(sandbox, "POST", "/_control/auth_code", {
    partner_id: SANDBOX_PARTNER.partner_id,
    shop_id: SANDBOX_SHOP_ID,
  })
  const callback = await api.get(`/connectors/shopee/oauth/callback/sandbox?code=${code}&shop_id=${SANDBOX_SHOP_ID}`, {
    maxRedirects: 0,
    validateStatus: () => true,
  })
  if (!String(callback.headers.location).includes("status=ok")) {
    throw new Error(`Connecting the sandbox shop failed: ${callback.headers.location}`)
  }
  return options
}

/** The simulator's control API. */
export async function control<T = any>(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`)
  return (text ? JSON.parse(text) : undefined) as T
}

/** The simulator's item id of a SKU. */
export async function sandboxItemId(sandbox: Sandbox, sku: string): Promise<number> {
  const items = await control<{ item_id: number; item_sku: string }[]>(sandbox, "GET", `/_control/items?shop_id=${SANDBOX_SHOP_ID}`)
  const item = items.find((candidate) => candidate.item_sku === sku)
  if (!item) throw new Error(`No sandbox item with SKU ${sku}`)
  return item.item_id
}

/**
 * Before each test of a suite that talks to the simulator: a clean simulator pushing to this
 * test server (whose URL is also the public URL pushes are signed against), and the shop connected.
 */
export async function resetAndConnect(api: AxiosInstance, container: MedusaContainer, sandbox: Sandbox) {
  await control(sandbox, "POST", "/_control/reset")
  process.env.SHOPEE_PUBLIC_URL = api.defaults.baseURL
  await control(sandbox, "PATCH", `/_control/partners/${SANDBOX_PARTNER.partner_id}`, {
    callback_url: `${api.defaults.baseURL}/connectors/shopee/webhook/sandbox`,
  })
  return connectShop(api, container, sandbox)
}

/**
 * How many Medusa orders came from this Shopee order, counted from Medusa's own orders rather
 * than from the sync row: a second order would have no row of its own.
 */
export async function medusaOrderCount(container: MedusaContainer, orderSn: string): Promise<number> {
  const { data } = await container
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "order", fields: ["id", "metadata"], filters: {} })
  return data.filter((order) => (order.metadata as Record<string, unknown>)?.shopee_order_sn === orderSn).length
}

import { startSandbox } from "@shopee-medusa/shopee-sandbox"
import { control, type Sandbox } from "../integration-tests/helpers/connected-shop"
import { SANDBOX_PARTNER, SANDBOX_SHOP_ID } from "../integration-tests/helpers/sandbox"

/** The demo store's booster box: the one demo SKU with more than one copy, so the one to sell N times. */
export const BENCH_SKU = "PKM-SV1-BB"

/**
 * The Shopee simulator on loopback with the test partner and one shop selling the booster box
 * with `stock` copies. It starts before the store, whose server must be told the simulator's URL
 * (SHOPEE_ALLOWED_API_BASE_URLS); `pointPushesAt` then aims its pushes at the store's webhook.
 * Failed pushes are retried after 1, 2 and 5 s instead of Shopee's minutes, so a slow answer
 * under load delays an order instead of losing it.
 */
export async function startBenchSandbox(stock: number): Promise<Sandbox> {
  return startSandbox({
    host: "127.0.0.1",
    partners: [SANDBOX_PARTNER],
    shops: [
      {
        shop_id: SANDBOX_SHOP_ID,
        region: "SG",
        items: [{ item_name: "Scarlet & Violet Booster Box", item_sku: BENCH_SKU, price: 189, stock }],
      },
    ],
    pushSchedule: [1000, 2000, 5000],
  })
}

/** The simulator's pushes go to `callbackUrl` (the store's webhook) from now on. */
export async function pointPushesAt(sandbox: Sandbox, callbackUrl: string): Promise<void> {
  await control(sandbox, "PATCH", `/_control/partners/${SANDBOX_PARTNER.partner_id}`, { callback_url: callbackUrl })
}

/**
 * Authorizes the simulator's shop as a merchant would (an authorization code, then the OAuth
 * callback), so that the connector holds tokens and can call get_order_detail.
 */
export async function connectSandboxShop(serverUrl: string, sandbox: Sandbox): Promise<void> {
  const { code } = await control<{ code: string }>(sandbox, "POST", "/_control/auth_code", {
    partner_id: SANDBOX_PARTNER.partner_id,
    shop_id: SANDBOX_SHOP_ID,
  })
  const callback = await fetch(`${serverUrl}/connectors/shopee/oauth/callback/sandbox?code=${code}&shop_id=${SANDBOX_SHOP_ID}`, {
    redirect: "manual",
  })
  const location = callback.headers.get("location") ?? ""
  if (!location.includes("status=ok")) throw new Error(`Connecting the sandbox shop failed: ${callback.status} ${location}`)
}

/** One Shopee order for one copy of the bench's item, ready to ship, as a buyer places it (the simulator then pushes it). */
export async function createBenchOrder(sandbox: Sandbox, itemId: number, buyer: number): Promise<void> {
  await control(sandbox, "POST", "/_control/orders", {
    shop_id: SANDBOX_SHOP_ID,
    items: [{ item_id: itemId, quantity: 1 }],
    status: "READY_TO_SHIP",
    buyer_username: `bench_buyer_${buyer}`,
    recipient_address: {
      name: "B****h",
      phone: "******12",
      city: "Singapore",
      region: "SG",
      zipcode: "0****8",
      full_address: "1 B**** Street",
    },
  })
}

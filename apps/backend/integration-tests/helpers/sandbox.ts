import crypto from "node:crypto"
import { startSandbox } from "@shopee-medusa/shopee-sandbox"

export const SANDBOX_PARTNER = {
  partner_id: 2001887,
  partner_key: "shpk" + "0123456789abcdef".repeat(3) + "a1b25863",
  push_partner_key: "push" + "fedcba9876543210".repeat(3) + "c3d46x9s",
}
export const SANDBOX_SHOP_ID = 700001

/**
 * The server under test runs in this process (`inApp`): allowing the simulator's URL in its
 * environment is the server-side configuration `npm start` also sets; the admin form alone
 * could not point a profile at it.
 */
export function allowApiBaseUrl(url: string): void {
  const current = process.env.SHOPEE_ALLOWED_API_BASE_URLS
  process.env.SHOPEE_ALLOWED_API_BASE_URLS = current ? `${current},${url}` : url
}

/**
 * The Shopee simulator with one partner and one shop with a one-of-a-kind item, allowed as an API
 * base URL. A server in another process (the browser tests') must have been told its URL when it
 * started: pass the port reserved for it then.
 */
export async function startTestSandbox(port?: number) {
  const sandbox = await startSandbox({
    port,
    partners: [SANDBOX_PARTNER],
    shops: [{ shop_id: SANDBOX_SHOP_ID, items: [{ item_name: "Charizard Holo", item_sku: "PKM-BS-004-PSA8", price: 1250, stock: 1 }] }],
    pushSchedule: [50, 100],
  })
  allowApiBaseUrl(sandbox.url)
  return sandbox
}

/** A push signed as Shopee signs it: HMAC-SHA256 of `url|body` with the push partner key. */
export function signPush(url: string, body: string | Buffer, key = SANDBOX_PARTNER.push_partner_key): string {
  return crypto.createHmac("sha256", key).update(`${url}|`).update(body).digest("hex")
}

/** Follows a Location header back onto the app under test (the public URL is not this host). */
export function pathOf(location: string): string {
  const url = new URL(location)
  return `${url.pathname}${url.search}`
}

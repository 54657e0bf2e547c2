import type { MedusaResponse } from "@medusajs/framework/http"
import { isShopeeError } from "@shopee-medusa/shopee-client"
import { shopeeFailureMessage } from "../lib/shopee-error-from-workflow"

/**
 * A route that calls Shopee on the operator's behalf: when Shopee fails (an error answer, a 5xx,
 * no answer in time), that is a bad gateway, not a fault of this server. The operator gets a 502
 * with Shopee's error code, message and request id (what Shopee's support asks for). The client
 * redacts secrets from Shopee's messages and never keeps the signed URL, so nothing secret is
 * passed on. Any other error goes on to Medusa's handler as usual.
 */
export async function answerShopeeFailures(res: MedusaResponse, handle: () => Promise<void>): Promise<void> {
  try {
    await handle()
  } catch (error) {
    if (!isShopeeError(error)) throw error
    res.status(502).json({
      type: "shopee_error",
      message: shopeeFailureMessage(error),
      shopee: { path: error.path, status: error.status ?? null, error: error.error || null, request_id: error.request_id ?? null },
    })
  }
}

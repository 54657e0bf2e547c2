import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { completeOAuthCallback } from "../../complete-oauth-callback"

/** The redirect registered before environments existed: it means sandbox. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await completeOAuthCallback(req, res, undefined)
}

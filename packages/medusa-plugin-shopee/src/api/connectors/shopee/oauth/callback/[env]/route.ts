import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { completeOAuthCallback } from "../../../complete-oauth-callback"

export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await completeOAuthCallback(req, res, req.params.env)
}

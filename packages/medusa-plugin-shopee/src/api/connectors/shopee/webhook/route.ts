import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { receivePush } from "../receive-push"

/** The push URL registered before environments existed: it means sandbox. */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await receivePush(req, res, undefined)
}

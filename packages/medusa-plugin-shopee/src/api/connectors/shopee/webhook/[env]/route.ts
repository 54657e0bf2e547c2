import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { receivePush } from "../../receive-push"

export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await receivePush(req, res, req.params.env)
}

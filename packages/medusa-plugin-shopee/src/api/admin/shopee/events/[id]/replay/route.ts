import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { replayShopeePushWorkflow } from "../../../../../../workflows/replay-shopee-push"
import { answerConflicts } from "../../../../../answer-conflicts"
import { shopeeModule } from "../../../shopee-module"

/** Processes a stored push again; a rejected or duplicate push answers 409 with the reason. */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await answerConflicts(res, async () => {
    const { result: outcome } = await replayShopeePushWorkflow(req.scope).run({ input: { event_id: req.params.id } })
    const [event] = await shopeeModule(req).listShopeeRawEvents({ id: req.params.id })
    res.json({ event, outcome })
  })
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answerShopeeFailures } from "../../../../answer-shopee-failures"
import { shopeeModule } from "../../shopee-module"
import type { SetupQueryType } from "../validators"

/**
 * Asks Shopee for a test push to the registered push URL (the simulator serves this; Shopee
 * itself answers with an error, its test being a button of the Partner Center). `requested_at`
 * is taken before asking, so a push stored after it is this test's or a later one.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { environment } = req.validatedQuery as SetupQueryType
  const requestedAt = new Date()
  const { client } = await shopeeModule(req).getClient(environment)
  await answerShopeeFailures(res, async () => {
    const sent = await client.push.pushTestData()
    res.json({ requested_at: requestedAt.toISOString(), push_test_id: sent.push_test_id, callback_url: sent.callback_url })
  })
}

import type { ApiRoute } from "../api-route.js"
import { randomHex32 } from "../random-token.js"
import { paramError } from "../shopee-error.js"

/** The code of the test push: "Shopee updates", a notice a connector may ignore without harm. */
export const TEST_PUSH_CODE = 5

/**
 * The simulator's stand-in for the console's "Push Test Data" button. Shopee offers that check
 * only in its Partner Center, not as an Open Platform call; the sandbox serves it as a
 * partner-signed call so that an app can offer the same button against the simulator. The push
 * goes to the registered push URL, signed like every other, and carries a fresh id so that two
 * tests never look like one repeated push.
 */
export const pushTestRoutes: ApiRoute[] = [
  {
    method: "POST",
    path: "/api/v2/push/push_test_data",
    call: "public",
    handle({ sandbox, caller }) {
      const callbackUrl = caller.partner.callback_url
      if (!callbackUrl) throw paramError("No push URL is registered for this partner: register one before testing it.")
      const pushTestId = randomHex32()
      const [message] = sandbox.pushes.send(caller.partner.partner_id, {
        code: TEST_PUSH_CODE,
        shop_id: null,
        data: { push_test_id: pushTestId, content: "Push test data" },
      })
      return { response: { push_test_id: pushTestId, callback_url: callbackUrl, message_id: message?.message_id ?? null } }
    },
  },
]

import { clientFor } from "../test-support/client-for.js"
import { type FakeShopee, startFakeShopee } from "../test-support/fake-shopee.js"
import {
  CONFIRM_CONSUMED_LOST_PUSH_MESSAGE_PATH,
  GET_APP_PUSH_CONFIG_PATH,
  GET_LOST_PUSH_MESSAGE_PATH,
  PUSH_TEST_DATA_PATH,
} from "./push.js"

let fake: FakeShopee
beforeEach(async () => {
  fake = await startFakeShopee()
})
afterEach(() => fake.close())

describe("lost pushes", () => {
  it("reads lost pushes and confirms them, both signed as partner-level (public) calls", async () => {
    const lost = {
      shop_id: 727720655,
      code: 3,
      timestamp: 1660123127,
      data: '{"data":{"items":[],"ordersn":"220810QSK8S7BX","status":"PROCESSED"},"shop_id":727720655,"code":3}',
    }
    fake.on(GET_LOST_PUSH_MESSAGE_PATH, () => ({ response: { push_message_list: [lost], has_next_page: false, last_message_id: 176610 } }))
    fake.on(CONFIRM_CONSUMED_LOST_PUSH_MESSAGE_PATH, () => ({ raw: { request_id: "c1", error: "", message: "" } }))
    const { client } = clientFor(fake)

    const page = await client.push.getLostPushMessage()
    expect(page).toEqual({ push_message_list: [lost], has_next_page: false, last_message_id: 176610 })
    await expect(client.push.confirmConsumedLostPushMessage({ last_message_id: page.last_message_id })).resolves.toEqual({
      request_id: "c1",
    })

    expect(fake.calls.map((c) => [c.path, c.signType, c.query.has("access_token")])).toEqual([
      [GET_LOST_PUSH_MESSAGE_PATH, "public", false],
      [CONFIRM_CONSUMED_LOST_PUSH_MESSAGE_PATH, "public", false],
    ])
    expect(fake.callsTo(CONFIRM_CONSUMED_LOST_PUSH_MESSAGE_PATH)[0]!.body).toEqual({ last_message_id: 176610 })
  })

  it("retries the confirmation, which is idempotent, after a 5xx", async () => {
    fake.on(CONFIRM_CONSUMED_LOST_PUSH_MESSAGE_PATH, (_request, index) =>
      index === 0 ? { status: 500, text: "oops" } : { raw: { request_id: "c2", error: "", message: "" } }
    )
    const { client, sleeps } = clientFor(fake)
    await expect(client.push.confirmConsumedLostPushMessage({ last_message_id: 5 })).resolves.toEqual({ request_id: "c2" })
    expect(sleeps).toHaveLength(1)
  })
})

describe("push test data", () => {
  it("asks for a test push as a partner-level (public) POST and answers its id and push URL", async () => {
    fake.on(PUSH_TEST_DATA_PATH, () => ({
      response: { push_test_id: "ab12", callback_url: "https://shop.example/connectors/shopee/webhook/sandbox" },
    }))
    const { client } = clientFor(fake)
    await expect(client.push.pushTestData()).resolves.toEqual({
      push_test_id: "ab12",
      callback_url: "https://shop.example/connectors/shopee/webhook/sandbox",
    })
    expect(fake.calls.map((c) => [c.path, c.signType, c.method])).toEqual([[PUSH_TEST_DATA_PATH, "public", "POST"]])
  })
})

describe("push subscription", () => {
  it("reads the subscription's live status as a partner-level (public) call, lists absent read as empty", async () => {
    fake.on(GET_APP_PUSH_CONFIG_PATH, () => ({
      response: { callback_url: "https://shop.example/webhook", live_push_status: "Suspended", suspended_time: 1760000000 },
    }))
    const { client } = clientFor(fake)

    await expect(client.push.getAppPushConfig()).resolves.toEqual({
      callback_url: "https://shop.example/webhook",
      live_push_status: "Suspended",
      suspended_time: 1760000000,
      blocked_shop_id_list: [],
      push_config_on_list: [],
      push_config_off_list: [],
    })
    expect(fake.calls.map((c) => [c.path, c.signType, c.query.has("access_token")])).toEqual([[GET_APP_PUSH_CONFIG_PATH, "public", false]])
  })
})

import type { RunningSandbox } from "../server.js"
import {
  PARTNER,
  callApi,
  eventually,
  hmacHex,
  startReceiver,
  startSandbox,
  testOptions,
  type PushReceiver,
} from "../test-support/harness.js"
import { TEST_PUSH_CODE } from "./push-test.js"

let sb: RunningSandbox
let receiver: PushReceiver | undefined

afterEach(async () => {
  await sb.close()
  await receiver?.close()
  receiver = undefined
})

const pushTest = () => callApi(sb, { path: "/api/v2/push/push_test_data", body: {} })

describe("push_test_data", () => {
  test("sends a signed test push to the registered push URL and names it", async () => {
    const callback = await startReceiver(() => 200)
    receiver = callback
    sb = await startSandbox(testOptions({ partners: [{ ...PARTNER, callback_url: callback.url }] }))
    const reply = await pushTest()
    expect(reply.status).toBe(200)
    expect(reply.body.error).toBe("")
    const pushTestId = reply.body.response.push_test_id
    expect(reply.body.response.callback_url).toBe(callback.url)

    await eventually(() => callback.received.length > 0)
    const [push] = callback.received
    expect(push.authorization).toBe(hmacHex(PARTNER.push_partner_key, `${callback.url}|${push.body}`))
    expect(JSON.parse(push.body)).toMatchObject({ code: TEST_PUSH_CODE, data: { push_test_id: pushTestId } })
  })

  test("two tests are two different pushes, so a receiver never takes the second for a repeat", async () => {
    const callback = await startReceiver(() => 200)
    receiver = callback
    sb = await startSandbox(testOptions({ partners: [{ ...PARTNER, callback_url: callback.url }] }))
    await pushTest()
    await pushTest()
    await eventually(() => callback.received.length === 2)
    expect(callback.received[0].body).not.toBe(callback.received[1].body)
  })

  test("refuses, naming the problem, when no push URL is registered", async () => {
    sb = await startSandbox(testOptions())
    const reply = await pushTest()
    expect(reply.status).toBe(400)
    expect(reply.body).toMatchObject({ error: "error_param", message: expect.stringContaining("No push URL is registered") })
  })

  test("is signed like any partner call: a wrong sign is refused", async () => {
    sb = await startSandbox(testOptions())
    const reply = await callApi(sb, { path: "/api/v2/push/push_test_data", body: {}, sign: "0".repeat(64) })
    expect(reply.body.error).toBe("error_sign")
  })
})

import { clientFor, shopFor } from "../test-support/client-for.js"
import { type FakeShopee, startFakeShopee } from "../test-support/fake-shopee.js"
import { GET_SHIPPING_PARAMETER_PATH, GET_TRACKING_NUMBER_PATH, SHIP_ORDER_PATH } from "./logistics.js"

let fake: FakeShopee
beforeEach(async () => {
  fake = await startFakeShopee()
})
afterEach(() => fake.close())

describe("logistics", () => {
  it("gets shipping parameters, ships with the chosen pickup slot in a JSON body, then reads the tracking number", async () => {
    fake.on(GET_SHIPPING_PARAMETER_PATH, () => ({
      response: {
        info_needed: { pickup: ["address_id", "pickup_time_id"] },
        pickup: { address_list: [{ address_id: 11, time_slot_list: [{ date: 1, pickup_time_id: "slot-1" }] }] },
      },
    }))
    fake.on(SHIP_ORDER_PATH, () => ({ raw: { request_id: "ship-1", error: "", message: "" } }))
    fake.on(GET_TRACKING_NUMBER_PATH, () => ({ response: { tracking_number: "BR2222636" } }))
    const shop = shopFor(fake, clientFor(fake).client)

    const parameters = await shop.logistics.getShippingParameter({ order_sn: "240801ABC" })
    expect(parameters.info_needed.pickup).toEqual(["address_id", "pickup_time_id"])
    expect(fake.callsTo(GET_SHIPPING_PARAMETER_PATH)[0]!.query.get("order_sn")).toBe("240801ABC")
    expect(fake.callsTo(GET_SHIPPING_PARAMETER_PATH)[0]!.query.has("package_number")).toBe(false)

    const address = parameters.pickup!.address_list![0]!
    await expect(
      shop.logistics.shipOrder({
        order_sn: "240801ABC",
        pickup: { address_id: address.address_id, pickup_time_id: address.time_slot_list![0]!.pickup_time_id },
      })
    ).resolves.toEqual({ request_id: "ship-1" })
    expect(fake.callsTo(SHIP_ORDER_PATH)[0]).toMatchObject({
      method: "POST",
      body: { order_sn: "240801ABC", pickup: { address_id: 11, pickup_time_id: "slot-1" } },
    })

    await expect(shop.logistics.getTrackingNumber({ order_sn: "240801ABC", response_optional_fields: ["plp_number"] })).resolves.toEqual({
      tracking_number: "BR2222636",
    })
    expect(fake.callsTo(GET_TRACKING_NUMBER_PATH)[0]!.query.get("response_optional_fields")).toBe("plp_number")
  })

  it("reads a tracking number not yet assigned as an empty string", async () => {
    fake.on(GET_TRACKING_NUMBER_PATH, () => ({ response: { hint: "not ready" } }))
    const shop = shopFor(fake, clientFor(fake).client)
    await expect(shop.logistics.getTrackingNumber({ order_sn: "X", package_number: "P1" })).resolves.toEqual({
      tracking_number: "",
      hint: "not ready",
    })
    expect(fake.callsTo(GET_TRACKING_NUMBER_PATH)[0]!.query.get("package_number")).toBe("P1")
  })
})

import type { GetShippingParameterResponse } from "@shopee-medusa/shopee-client"
import { chooseShipment } from "./choose-shipment"

const slot = (id: string, recommended = false) => ({
  date: 1,
  time_text: "09:00-18:00",
  pickup_time_id: id,
  flags: recommended ? ["recommended"] : [],
})
const address = (id: number, flags: string[], slots = [slot(`${id}-a`), slot(`${id}-b`, true), slot(`${id}-c`)]) => ({
  address_id: id,
  region: "SG",
  state: "",
  city: "",
  district: "",
  town: "",
  address: "",
  zipcode: "",
  address_flag: flags,
  time_slot_list: slots,
})
const branch = (id: number) => ({ branch_id: id, region: "SG", state: "", city: "", address: "", zipcode: "", district: "", town: "" })

const pickupAndDropoff: GetShippingParameterResponse = {
  info_needed: { pickup: ["address_id", "pickup_time_id"], dropoff: ["branch_id"] },
  pickup: { address_list: [address(1002, ["pickup_address"]), address(1001, ["default_address", "pickup_address"])] },
  dropoff: { branch_list: [branch(3001), branch(3002)] },
}
const nonIntegrated: GetShippingParameterResponse = { info_needed: { non_integrated: ["tracking_no"] } }

describe("chooseShipment", () => {
  it("with no choice, picks up from the default address at the recommended slot", () => {
    expect(chooseShipment("SN", pickupAndDropoff, {})).toEqual({
      mode: "pickup",
      ship: { pickup: { address_id: 1001, pickup_time_id: "1001-b" } },
    })
  })

  it("takes the operator's address and slot", () => {
    expect(chooseShipment("SN", pickupAndDropoff, { mode: "pickup", address_id: 1002, pickup_time_id: "1002-c" })).toEqual({
      mode: "pickup",
      ship: { pickup: { address_id: 1002, pickup_time_id: "1002-c" } },
    })
  })

  it("refuses an address or slot Shopee does not offer, naming the field", () => {
    expect(chooseShipment("SN", pickupAndDropoff, { address_id: 9 })).toMatchObject({ field: "address_id" })
    expect(chooseShipment("SN", pickupAndDropoff, { pickup_time_id: "nope" })).toMatchObject({ field: "pickup_time_id" })
  })

  it("retries later when the address has no slot", () => {
    const noSlot = { ...pickupAndDropoff, pickup: { address_list: [address(1001, ["default_address"], [])] } }
    expect(chooseShipment("SN", noSlot, {})).toEqual({ retry_later: "Shopee has no pickup time slot for order SN at address 1001 yet" })
  })

  it("drops off at the chosen branch; without one, refuses listing the branches", () => {
    expect(chooseShipment("SN", pickupAndDropoff, { mode: "dropoff", branch_id: 3002 })).toEqual({
      mode: "dropoff",
      ship: { dropoff: { branch_id: 3002 } },
    })
    expect(chooseShipment("SN", pickupAndDropoff, { mode: "dropoff" })).toEqual({
      refuse: "branch_id is required to drop order SN off: Shopee offers 3001, 3002",
      field: "branch_id",
    })
    expect(chooseShipment("SN", pickupAndDropoff, { mode: "dropoff", branch_id: 1 })).toMatchObject({ field: "branch_id" })
  })

  it("ships a non-integrated channel with the operator's tracking number, and needs one", () => {
    expect(chooseShipment("SN", nonIntegrated, { tracking_number: "OWN-1" })).toEqual({
      mode: "non_integrated",
      ship: { non_integrated: { tracking_number: "OWN-1" } },
    })
    expect(chooseShipment("SN", nonIntegrated, {})).toMatchObject({ field: "tracking_number" })
  })

  it("refuses a mode the order's channel does not offer", () => {
    expect(chooseShipment("SN", nonIntegrated, { mode: "pickup" })).toEqual({
      refuse: "Shopee offers non_integrated for order SN, not pickup",
      field: "mode",
    })
    expect(chooseShipment("SN", { info_needed: { dropoff: [], non_integrated: [] } }, {})).toMatchObject({ field: "mode" })
  })

  it("falls back on a profile default when the operator chose no mode, and ignores it when the operator did", () => {
    expect(chooseShipment("SN", pickupAndDropoff, {}, { mode: "dropoff", branch_id: 3001 })).toEqual({
      mode: "dropoff",
      ship: { dropoff: { branch_id: 3001 } },
    })
    expect(chooseShipment("SN", pickupAndDropoff, { mode: "pickup" }, { mode: "dropoff", address_id: 1002 })).toMatchObject({
      ship: { pickup: { address_id: 1001 } },
    })
    expect(chooseShipment("SN", nonIntegrated, {}, { mode: "pickup" })).toMatchObject({ field: "tracking_number" })
  })
})

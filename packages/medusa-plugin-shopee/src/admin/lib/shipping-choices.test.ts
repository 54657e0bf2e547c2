import type { GetShippingParameterResponse } from "@shopee-medusa/shopee-client"
import {
  branchLabel,
  defaultAddress,
  initialChoices,
  needsBranch,
  offeredModes,
  recommendedSlotId,
  shipBody,
  slotLabel,
} from "./shipping-choices"

const address = (address_id: number, flags: string[], slots: { id: string; flags?: string[] }[]) => ({
  address_id,
  region: "SG",
  state: "",
  city: "Singapore",
  district: "",
  town: "",
  address: `${address_id} Orchard Road`,
  zipcode: "238801",
  address_flag: flags,
  time_slot_list: slots.map(({ id, flags: slotFlags }) => ({ date: 1_800_000_000, pickup_time_id: id, flags: slotFlags })),
})

const parameter: GetShippingParameterResponse = {
  info_needed: { pickup: ["address_id", "pickup_time_id"], dropoff: ["branch_id"] },
  pickup: {
    address_list: [address(1, [], [{ id: "s1" }]), address(2, ["default_address"], [{ id: "s2a" }, { id: "s2b", flags: ["recommended"] }])],
  },
  dropoff: { branch_list: [{ branch_id: 3001, region: "SG", state: "", city: "", address: "", zipcode: "", district: "", town: "" }] },
}

describe("shipping choices", () => {
  it("offers the modes Shopee names, in the vocabulary's order", () => {
    expect(offeredModes(parameter)).toEqual(["pickup", "dropoff"])
    expect(offeredModes({ info_needed: { non_integrated: [] } })).toEqual(["non_integrated"])
  })

  it("preselects the default address and its recommended slot, else the first of each", () => {
    expect(defaultAddress(parameter)?.address_id).toBe(2)
    expect(initialChoices(parameter, "pickup")).toEqual({ mode: "pickup", address_id: 2, pickup_time_id: "s2b" })
    expect(recommendedSlotId(address(9, [], [{ id: "first" }, { id: "second" }]))).toBe("first")
    expect(recommendedSlotId(undefined)).toBeUndefined()
  })

  it("asks for a branch only when Shopee needs one", () => {
    expect(needsBranch(parameter)).toBe(true)
    expect(initialChoices(parameter, "dropoff")).toEqual({ mode: "dropoff", branch_id: 3001 })
    expect(initialChoices({ info_needed: { dropoff: [] } }, "dropoff")).toEqual({ mode: "dropoff", branch_id: undefined })
  })

  it("sends only the chosen mode's fields, trimmed, leaving unset ones out", () => {
    expect(shipBody({ mode: "pickup", address_id: 2, pickup_time_id: "s2b", branch_id: 3001 })).toEqual({
      mode: "pickup",
      address_id: 2,
      pickup_time_id: "s2b",
    })
    expect(shipBody({ mode: "dropoff" })).toEqual({ mode: "dropoff" })
    expect(shipBody({ mode: "non_integrated", tracking_number: "  TRK-1 " })).toEqual({ mode: "non_integrated", tracking_number: "TRK-1" })
  })

  it("names a slot by its day and Shopee's hours, so slots with the same hours on different days differ", () => {
    const today = slotLabel({ date: 1_800_000_000, time_text: "09:00-18:00" })
    const tomorrow = slotLabel({ date: 1_800_000_000 + 86_400, time_text: "09:00-18:00" })
    expect(today).toMatch(/, 09:00-18:00$/)
    expect(today).not.toEqual(tomorrow)
    expect(slotLabel({ date: 1_800_000_000 })).toEqual(today.replace(/, 09:00-18:00$/, ""))
  })

  it("names a branch by where it is, else by its id", () => {
    expect(branchLabel({ branch_id: 3002, address: "SPX Express Point, 50 Tampines", city: "Singapore" })).toBe(
      "SPX Express Point, 50 Tampines, Singapore"
    )
    expect(branchLabel({ branch_id: 3002, address: "", city: "" })).toBe("3002")
  })
})

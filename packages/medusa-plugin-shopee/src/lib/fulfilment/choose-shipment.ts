import {
  RECOMMENDED_PICKUP_SLOT_FLAG,
  SHIPPING_MODES,
  type GetShippingParameterResponse,
  type PickupAddress,
  type ShipOrderRequest,
  type ShippingMode,
} from "@shopee-medusa/shopee-client"

/** What the operator (or a profile's default) asks for; anything left out is chosen as Shopee suggests. */
export type ShipmentChoice = {
  mode?: ShippingMode
  address_id?: number
  pickup_time_id?: string
  branch_id?: number
  tracking_number?: string
}

export type ShipmentFields = Pick<ShipOrderRequest, "pickup" | "dropoff" | "non_integrated">

export type ShipmentDecision =
  | { ship: ShipmentFields; mode: ShippingMode }
  /** Shopee cannot take it now (no pickup slot): try again later. */
  | { retry_later: string }
  /** The choice does not fit what Shopee offers for this order: the field to fix and why. */
  | { refuse: string; field: keyof ShipmentChoice }

const offeredModes = (params: GetShippingParameterResponse): ShippingMode[] =>
  SHIPPING_MODES.filter((mode) => params.info_needed[mode] !== undefined)

const isDefaultPickupAddress = (address: PickupAddress) => (address.address_flag ?? []).includes("default_address")

/**
 * The ship_order fields for one package, from what `get_shipping_parameter` offers and what the
 * operator chose: the chosen mode, else the fallback's (a profile default), else pickup when
 * offered, else the only mode offered. Pickup takes the chosen address (else the default one) and
 * the chosen slot (else the one Shopee recommends, else the first). A drop-off that needs a branch
 * takes the chosen one, or the only one. A non-integrated channel needs the carrier's tracking number.
 */
export function chooseShipment(
  orderSn: string,
  params: GetShippingParameterResponse,
  choice: ShipmentChoice,
  fallback: ShipmentChoice = {}
): ShipmentDecision {
  const offered = offeredModes(params)
  const wanted = choice.mode ?? (fallback.mode && offered.includes(fallback.mode) ? fallback.mode : undefined)
  const mode = wanted ?? (offered.includes("pickup") ? "pickup" : offered.length === 1 ? offered[0] : undefined)
  if (!mode || !offered.includes(mode)) {
    const offer = offered.length > 0 ? offered.join(", ") : "no shipping mode"
    return { refuse: `Shopee offers ${offer} for order ${orderSn}${mode ? `, not ${mode}` : ": choose one"}`, field: "mode" }
  }
  const from = (field: keyof ShipmentChoice) => choice[field] ?? (choice.mode === undefined ? fallback[field] : undefined)
  switch (mode) {
    case "pickup":
      return choosePickup(orderSn, params, from("address_id") as number | undefined, choice.pickup_time_id)
    case "dropoff":
      return chooseDropoff(orderSn, params, from("branch_id") as number | undefined, choice.tracking_number)
    case "non_integrated":
      return choice.tracking_number
        ? { mode, ship: { non_integrated: { tracking_number: choice.tracking_number } } }
        : { refuse: `A non-integrated shipment of order ${orderSn} needs the carrier's tracking number`, field: "tracking_number" }
  }
}

function choosePickup(
  orderSn: string,
  params: GetShippingParameterResponse,
  addressId: number | undefined,
  timeId: string | undefined
): ShipmentDecision {
  const addresses = params.pickup?.address_list ?? []
  if (addresses.length === 0)
    return { refuse: `Shopee offers no pickup address for order ${orderSn}: add one in Seller Centre`, field: "mode" }
  const address =
    addressId !== undefined ? addresses.find((a) => a.address_id === addressId) : (addresses.find(isDefaultPickupAddress) ?? addresses[0])
  if (!address) {
    return {
      refuse: `address_id ${addressId} is not a pickup address Shopee offers for order ${orderSn} (${addresses.map((a) => a.address_id).join(", ")})`,
      field: "address_id",
    }
  }
  const slots = address.time_slot_list ?? []
  if (slots.length === 0) return { retry_later: `Shopee has no pickup time slot for order ${orderSn} at address ${address.address_id} yet` }
  const slot =
    timeId !== undefined
      ? slots.find((s) => s.pickup_time_id === timeId)
      : (slots.find((s) => (s.flags ?? []).includes(RECOMMENDED_PICKUP_SLOT_FLAG)) ?? slots[0])
  if (!slot) {
    return {
      refuse: `pickup_time_id ${timeId} is not a slot Shopee offers at address ${address.address_id} for order ${orderSn}`,
      field: "pickup_time_id",
    }
  }
  return { mode: "pickup", ship: { pickup: { address_id: address.address_id, pickup_time_id: slot.pickup_time_id } } }
}

function chooseDropoff(
  orderSn: string,
  params: GetShippingParameterResponse,
  branchId: number | undefined,
  trackingNumber: string | undefined
): ShipmentDecision {
  const needed = params.info_needed.dropoff ?? []
  const fields: NonNullable<ShipmentFields["dropoff"]> = {}
  if (needed.includes("branch_id")) {
    const branches = params.dropoff?.branch_list ?? []
    const ids = branches.map((b) => b.branch_id)
    const chosen = branchId ?? (ids.length === 1 ? ids[0] : undefined)
    if (chosen === undefined) {
      return {
        refuse: `branch_id is required to drop order ${orderSn} off: Shopee offers ${ids.join(", ") || "no branch"}`,
        field: "branch_id",
      }
    }
    if (!ids.includes(chosen))
      return { refuse: `branch_id ${chosen} is not a branch Shopee offers for order ${orderSn} (${ids.join(", ")})`, field: "branch_id" }
    fields.branch_id = chosen
  }
  if (needed.includes("tracking_no") || needed.includes("tracking_number")) {
    if (!trackingNumber) return { refuse: `Shopee needs the tracking number to drop order ${orderSn} off`, field: "tracking_number" }
    fields.tracking_number = trackingNumber
  }
  return { mode: "dropoff", ship: { dropoff: fields } }
}

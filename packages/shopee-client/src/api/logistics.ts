import { type Caller, responseOf } from "./caller.js"

export const GET_SHIPPING_PARAMETER_PATH = "/api/v2/logistics/get_shipping_parameter"
export const SHIP_ORDER_PATH = "/api/v2/logistics/ship_order"
export const GET_TRACKING_NUMBER_PATH = "/api/v2/logistics/get_tracking_number"

export interface PackageRef {
  order_sn: string
  /** Only for an order split into packages; Shopee rejects an empty string. */
  package_number?: string
}

export interface PickupAddress {
  address_id: number
  region: string
  state: string
  city: string
  district: string
  town: string
  address: string
  zipcode: string
  address_flag?: string[]
  time_slot_list?: { date: number; time_text?: string; pickup_time_id: string; flags?: string[] }[]
}

export interface DropoffBranch {
  branch_id: number
  region: string
  state: string
  city: string
  address: string
  zipcode: string
  district: string
  town: string
}

export interface GetShippingParameterResponse {
  /** Which fields ship_order needs for each mode, e.g. `{ pickup: ["address_id", "pickup_time_id"] }`. */
  info_needed: { dropoff?: string[]; pickup?: string[]; non_integrated?: string[] }
  dropoff?: { branch_list?: DropoffBranch[]; slug_list?: { slug: string; slug_name: string }[] }
  pickup?: { address_list?: PickupAddress[] }
}

export interface ShipOrderRequest extends PackageRef {
  pickup?: { address_id: number; pickup_time_id?: string; tracking_number?: string }
  dropoff?: { branch_id?: number; sender_real_name?: string; tracking_number?: string; slug?: string }
  non_integrated?: { tracking_number?: string }
}

export interface GetTrackingNumberRequest extends PackageRef {
  /** e.g. `["plp_number", "first_mile_tracking_number", "last_mile_tracking_number"]`. */
  response_optional_fields?: readonly string[]
}

export interface GetTrackingNumberResponse {
  /** Empty until Shopee assigns one (push code 4 announces it). */
  tracking_number: string
  plp_number?: string
  first_mile_tracking_number?: string
  last_mile_tracking_number?: string
  hint?: string
  pickup_code?: string
}

export class LogisticsApi {
  readonly #call: Caller

  constructor(call: Caller) {
    this.#call = call
  }

  async getShippingParameter(request: PackageRef): Promise<GetShippingParameterResponse> {
    const response = responseOf<Partial<GetShippingParameterResponse>>(await this.#call.get(GET_SHIPPING_PARAMETER_PATH, { ...request }))
    return { ...response, info_needed: response.info_needed ?? {} }
  }

  /**
   * Arranges shipment (the order must be READY_TO_SHIP). Never retried: after a timeout the
   * shipment may exist, so the caller must look before trying again.
   */
  async shipOrder(request: ShipOrderRequest): Promise<{ request_id: string }> {
    const envelope = await this.#call.post(SHIP_ORDER_PATH, { ...request }, { idempotent: false })
    return { request_id: envelope.request_id ?? "" }
  }

  async getTrackingNumber(request: GetTrackingNumberRequest): Promise<GetTrackingNumberResponse> {
    const envelope = await this.#call.get(GET_TRACKING_NUMBER_PATH, {
      order_sn: request.order_sn,
      package_number: request.package_number,
      response_optional_fields: request.response_optional_fields?.join(","),
    })
    const response = responseOf<Partial<GetTrackingNumberResponse>>(envelope)
    return { ...response, tracking_number: response.tracking_number ?? "" }
  }
}

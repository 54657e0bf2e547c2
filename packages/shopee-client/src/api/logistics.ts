import { ShopeeServerError } from "../errors.js"
import type { ShopeeFile } from "../http.js"
import type { ShippingDocumentStatus } from "../vocabulary.js"
import { type Caller, responseOf } from "./caller.js"

export const GET_SHIPPING_PARAMETER_PATH = "/api/v2/logistics/get_shipping_parameter"
export const SHIP_ORDER_PATH = "/api/v2/logistics/ship_order"
export const GET_TRACKING_NUMBER_PATH = "/api/v2/logistics/get_tracking_number"
export const GET_SHIPPING_DOCUMENT_PARAMETER_PATH = "/api/v2/logistics/get_shipping_document_parameter"
export const CREATE_SHIPPING_DOCUMENT_PATH = "/api/v2/logistics/create_shipping_document"
export const GET_SHIPPING_DOCUMENT_RESULT_PATH = "/api/v2/logistics/get_shipping_document_result"
export const DOWNLOAD_SHIPPING_DOCUMENT_PATH = "/api/v2/logistics/download_shipping_document"

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

/**
 * One package's entry in a shipping-document call's `result_list`. Shopee answers each package
 * on its own: a refused one carries `fail_error` and `fail_message` beside those that succeeded.
 */
export interface ShippingDocumentEntry {
  order_sn: string
  package_number?: string
  fail_error?: string
  fail_message?: string
}

export interface ShippingDocumentParameter extends ShippingDocumentEntry {
  suggest_shipping_document_type?: string
  selectable_shipping_document_type?: string[]
}

export interface CreateShippingDocumentEntry extends PackageRef {
  tracking_number: string
  /** Omitted: Shopee uses the package's suggested type. */
  shipping_document_type?: string
}

export interface ShippingDocumentResult extends ShippingDocumentEntry {
  status?: ShippingDocumentStatus
}

export interface DownloadShippingDocumentRequest {
  shipping_document_type?: string
  order_list: PackageRef[]
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

  /** The document types each package may print, and the one Shopee suggests (1–50 packages). */
  async getShippingDocumentParameter(orderList: PackageRef[]): Promise<ShippingDocumentParameter[]> {
    const envelope = await this.#call.post(GET_SHIPPING_DOCUMENT_PARAMETER_PATH, { order_list: orderList }, { idempotent: true })
    return responseOf<{ result_list?: ShippingDocumentParameter[] }>(envelope).result_list ?? []
  }

  /** Asks Shopee to make the packages' air waybills (it needs each tracking number); the result comes later. */
  async createShippingDocument(orderList: CreateShippingDocumentEntry[]): Promise<ShippingDocumentEntry[]> {
    const envelope = await this.#call.post(CREATE_SHIPPING_DOCUMENT_PATH, { order_list: orderList }, { idempotent: false })
    return responseOf<{ result_list?: ShippingDocumentEntry[] }>(envelope).result_list ?? []
  }

  /** Where each package's document stands: PROCESSING, READY or FAILED. */
  async getShippingDocumentResult(orderList: (PackageRef & { shipping_document_type?: string })[]): Promise<ShippingDocumentResult[]> {
    const envelope = await this.#call.post(GET_SHIPPING_DOCUMENT_RESULT_PATH, { order_list: orderList }, { idempotent: true })
    return responseOf<{ result_list?: ShippingDocumentResult[] }>(envelope).result_list ?? []
  }

  /**
   * The READY documents of the packages as one file (a PDF, one page per package). Shopee serves
   * it only until the carrier picks the parcel up; an answer that is not a file is an error.
   */
  async downloadShippingDocument(request: DownloadShippingDocumentRequest): Promise<ShopeeFile> {
    const envelope = await this.#call.post(DOWNLOAD_SHIPPING_DOCUMENT_PATH, { ...request }, { idempotent: true })
    if (!envelope.file) {
      throw new ShopeeServerError({
        path: DOWNLOAD_SHIPPING_DOCUMENT_PATH,
        status: 200,
        request_id: envelope.request_id,
        message: "Shopee answered the download without a file",
      })
    }
    return envelope.file
  }
}

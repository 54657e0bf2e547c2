import { type Caller, responseOf } from "./caller.js"

export const GET_LOST_PUSH_MESSAGE_PATH = "/api/v2/push/get_lost_push_message"
export const CONFIRM_CONSUMED_LOST_PUSH_MESSAGE_PATH = "/api/v2/push/confirm_consumed_lost_push_message"
/**
 * Served by the Shopee sandbox simulator only: Shopee itself offers "Push Test Data" as a button
 * of its Partner Center, not as an Open Platform call, and answers this path with an error.
 */
export const PUSH_TEST_DATA_PATH = "/api/v2/push/push_test_data"

export interface PushTestDataResponse {
  /** Carried in the test push's data, so that its arrival can be told from any other push. */
  push_test_id: string
  /** The push URL the test push was sent to, as registered. */
  callback_url: string
}

export const GET_APP_PUSH_CONFIG_PATH = "/api/v2/push/get_app_push_config"

/**
 * Shopee's view of the partner's push subscription: "Warning" while too few pushes are answered
 * in time, "Suspended" once Shopee stopped sending them (nothing missed is resent until the
 * partner enables pushes again in the console).
 */
export type LivePushStatus = "Normal" | "Warning" | "Suspended"

export interface GetAppPushConfigResponse {
  callback_url: string
  live_push_status: LivePushStatus
  /** Unix seconds; present only while suspended. */
  suspended_time?: number
  blocked_shop_id_list: number[]
  push_config_on_list: number[]
  push_config_off_list: number[]
}

export interface LostPushMessage {
  /** Absent or 0 for partner-level pushes (codes 1, 2, 12). */
  shop_id?: number
  code: number
  timestamp: number
  /**
   * The push as it would have been delivered. Shopee's field list says a JSON string, its
   * sample shows an object: both arrive, so both are typed.
   */
  data: string | Record<string, unknown>
}

export interface GetLostPushMessageResponse {
  /** The oldest (up to 100) unconfirmed pushes lost in the last 3 days. */
  push_message_list: LostPushMessage[]
  has_next_page: boolean
  /** Pass to confirmConsumedLostPushMessage once these are stored. */
  last_message_id: number
}

/** Partner-level calls, signed as public calls (no shop, no access token). */
export class PushApi {
  readonly #call: Caller

  constructor(call: Caller) {
    this.#call = call
  }

  async getLostPushMessage(): Promise<GetLostPushMessageResponse> {
    const response = responseOf<Partial<GetLostPushMessageResponse>>(await this.#call.get(GET_LOST_PUSH_MESSAGE_PATH))
    return {
      push_message_list: response.push_message_list ?? [],
      has_next_page: response.has_next_page === true,
      last_message_id: response.last_message_id ?? 0,
    }
  }

  /** The subscription's settings and its live status; an unknown status reads as it came, for the caller to refuse. */
  async getAppPushConfig(): Promise<GetAppPushConfigResponse> {
    const response = responseOf<Partial<GetAppPushConfigResponse>>(await this.#call.get(GET_APP_PUSH_CONFIG_PATH))
    return {
      callback_url: response.callback_url ?? "",
      live_push_status: response.live_push_status as LivePushStatus,
      ...(typeof response.suspended_time === "number" ? { suspended_time: response.suspended_time } : {}),
      blocked_shop_id_list: response.blocked_shop_id_list ?? [],
      push_config_on_list: response.push_config_on_list ?? [],
      push_config_off_list: response.push_config_off_list ?? [],
    }
  }

  /** Confirming up to the same id twice changes nothing, so this write is retried like a read. */
  async confirmConsumedLostPushMessage(request: { last_message_id: number }): Promise<{ request_id: string }> {
    const envelope = await this.#call.post(CONFIRM_CONSUMED_LOST_PUSH_MESSAGE_PATH, { ...request }, { idempotent: true })
    return { request_id: envelope.request_id ?? "" }
  }

  /** Asks for a signed test push to the registered push URL. Not idempotent: each call sends one. */
  async pushTestData(): Promise<PushTestDataResponse> {
    const response = responseOf<Partial<PushTestDataResponse>>(await this.#call.post(PUSH_TEST_DATA_PATH, {}))
    return { push_test_id: response.push_test_id ?? "", callback_url: response.callback_url ?? "" }
  }
}

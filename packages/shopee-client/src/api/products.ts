import { chunk } from "../chunk.js"
import { ShopeeError } from "../errors.js"
import { type Caller, responseOf } from "./caller.js"

export const GET_ITEM_LIST_PATH = "/api/v2/product/get_item_list"
export const GET_ITEM_BASE_INFO_PATH = "/api/v2/product/get_item_base_info"
export const GET_MODEL_LIST_PATH = "/api/v2/product/get_model_list"
export const UPDATE_STOCK_PATH = "/api/v2/product/update_stock"
export const SEARCH_ITEM_PATH = "/api/v2/product/search_item"
export const GET_ITEM_PROMOTION_PATH = "/api/v2/product/get_item_promotion"

/** Shopee's limits: item ids per get_item_base_info (and get_item_promotion) call, models per update_stock call. */
export const ITEM_BASE_INFO_BATCH_SIZE = 50
export const UPDATE_STOCK_MODELS_PER_CALL = 50

export type ItemStatus = "NORMAL" | "BANNED" | "UNLIST" | "REVIEWING" | "SELLER_DELETE" | "SHOPEE_DELETE"

export interface GetItemListRequest {
  offset?: number
  /** At most 100. */
  page_size?: number
  item_status: ItemStatus | readonly ItemStatus[]
  update_time_from?: number
  update_time_to?: number
}

export interface ItemListEntry {
  item_id: number
  item_status: ItemStatus
  update_time: number
  tag?: { kit?: boolean }
}

export interface GetItemListResponse {
  item: ItemListEntry[]
  total_count: number
  has_next_page: boolean
  next_offset: number
}

export interface SellerStock {
  location_id?: string
  stock: number
  if_saleable?: boolean
}

export interface StockInfoV2 {
  summary_info?: { total_reserved_stock: number; total_available_stock: number }
  seller_stock?: SellerStock[]
  shopee_stock?: { location_id: string; stock: number | string }[]
}

export interface PriceInfo {
  currency?: string
  original_price: number
  current_price: number
}

export interface ItemBaseInfo {
  item_id: number
  category_id: number
  item_name: string
  item_sku: string
  item_status: ItemStatus
  create_time: number
  update_time: number
  has_model: boolean
  /** True while the item is in a promotion: part of its stock may be reserved, and stock edits may be refused. */
  has_promotion?: boolean
  promotion_id?: number
  description?: string
  price_info?: PriceInfo[]
  stock_info_v2?: StockInfoV2
  image?: { image_url_list: string[]; image_id_list: string[] }
  weight?: string
}

export interface GetItemBaseInfoRequest {
  /** Any number of ids: sent in batches of 50, duplicates dropped. */
  item_id_list: readonly number[]
  need_tax_info?: boolean
  need_complaint_policy?: boolean
}

export interface GetItemBaseInfoResponse {
  item_list: ItemBaseInfo[]
}

export interface Model {
  model_id: number
  model_sku: string
  /** MODEL_NORMAL or MODEL_UNAVAILABLE. */
  model_status?: string
  /** True while the model is in a promotion. */
  has_promotion?: boolean
  promotion_id?: number
  tier_index: number[]
  price_info?: PriceInfo[]
  stock_info_v2?: StockInfoV2
}

export interface TierVariation {
  name: string
  option_list: { option: string; image?: { image_id: string; image_url: string } }[]
}

export interface GetModelListResponse {
  tier_variation: TierVariation[]
  model: Model[]
}

export interface StockListEntry {
  /** 0 for an item without models. */
  model_id: number
  seller_stock: { location_id?: string; stock: number }[]
}

export interface UpdateStockRequest {
  item_id: number
  /** Absolute quantities; more than 50 models are sent in several calls. */
  stock_list: readonly StockListEntry[]
}

/** A top-level error Shopee answered beside an update_stock answer that still lists what succeeded. */
export interface UpdateStockCallError {
  /** e.g. `error_busi_update_stock_failed` ("please check failure_list for detailed reason"). */
  error: string
  message: string
  request_id?: string
}

export interface UpdateStockResponse {
  success_list: { model_id: number; location_id?: string; stock: number }[]
  /** Models Shopee refused (e.g. below the stock reserved for a promotion); the rest were applied. */
  failure_list: { model_id: number; failed_reason: string }[]
  /**
   * Present only when a call's envelope carried an error beside its success_list/failure_list:
   * one entry per such call. It does NOT mean nothing changed: the models in success_list were
   * applied all the same. An error that comes without such an answer is thrown instead.
   */
  errors?: UpdateStockCallError[]
}

export interface SearchItemRequest {
  /** Exact item-level SKU. With item_name too, Shopee returns only the item_sku matches. */
  item_sku?: string
  item_name?: string
  item_status?: ItemStatus | readonly ItemStatus[]
  /** At most 100. */
  page_size?: number
  /** `next_offset` of the previous page: an opaque string, never a number to compute. */
  offset?: string
}

export interface SearchItemResponse {
  item_id_list: number[]
  total_count: number
  /** "" on the last page. */
  next_offset: string
}

export interface ItemPromotionEntry {
  promotion_type: string
  promotion_id: number
  model_id: number
  start_time: number
  end_time: number
  promotion_price_info?: { promotion_price: number }[]
  /** "ongoing" or "upcoming". */
  promotion_staging?: string
  /** What the promotion holds of the model's stock. */
  promotion_stock_info_v2?: { summary_info?: { total_reserved_stock: number } }
}

export interface GetItemPromotionResponse {
  success_list: { item_id: number; promotion: ItemPromotionEntry[] }[]
  failure_list: { item_id: number; failed_reason: string }[]
}

type StockAnswer = Partial<Pick<UpdateStockResponse, "success_list" | "failure_list">>

/** An update_stock error that still carries Shopee's per-model answer. */
function partialAnswerOf(error: unknown): StockAnswer | undefined {
  if (!(error instanceof ShopeeError) || typeof error.response !== "object" || error.response === null) return undefined
  const answer = error.response as StockAnswer
  return Array.isArray(answer.success_list) || Array.isArray(answer.failure_list) ? answer : undefined
}

export class ProductsApi {
  readonly #call: Caller

  constructor(call: Caller) {
    this.#call = call
  }

  async getItemList(request: GetItemListRequest): Promise<GetItemListResponse> {
    const envelope = await this.#call.get(GET_ITEM_LIST_PATH, {
      offset: request.offset ?? 0,
      page_size: request.page_size ?? 100,
      item_status: request.item_status,
      update_time_from: request.update_time_from,
      update_time_to: request.update_time_to,
    })
    const response = responseOf<Partial<GetItemListResponse>>(envelope)
    return {
      item: response.item ?? [],
      total_count: response.total_count ?? 0,
      has_next_page: response.has_next_page === true,
      next_offset: response.next_offset ?? 0,
    }
  }

  async getItemBaseInfo(request: GetItemBaseInfoRequest): Promise<GetItemBaseInfoResponse> {
    const item_list: ItemBaseInfo[] = []
    for (const batch of chunk([...new Set(request.item_id_list)], ITEM_BASE_INFO_BATCH_SIZE)) {
      const envelope = await this.#call.get(GET_ITEM_BASE_INFO_PATH, {
        item_id_list: batch.join(","),
        need_tax_info: request.need_tax_info,
        need_complaint_policy: request.need_complaint_policy,
      })
      item_list.push(...(responseOf<Partial<GetItemBaseInfoResponse>>(envelope).item_list ?? []))
    }
    return { item_list }
  }

  async getModelList(request: { item_id: number }): Promise<GetModelListResponse> {
    const response = responseOf<Partial<GetModelListResponse>>(await this.#call.get(GET_MODEL_LIST_PATH, { ...request }))
    return { tier_variation: response.tier_variation ?? [], model: response.model ?? [] }
  }

  /**
   * Sets absolute stock for the models of one item. Setting a value twice leaves the same
   * stock, so the call is retried like a read. A partial answer is not an error: read
   * `failure_list`, and `errors` for a top-level error Shopee put beside it.
   */
  async updateStock(request: UpdateStockRequest): Promise<UpdateStockResponse> {
    const out: UpdateStockResponse = { success_list: [], failure_list: [] }
    for (const stock_list of chunk(request.stock_list, UPDATE_STOCK_MODELS_PER_CALL)) {
      let answer: StockAnswer
      try {
        answer = responseOf<StockAnswer>(
          await this.#call.post(UPDATE_STOCK_PATH, { item_id: request.item_id, stock_list }, { idempotent: true })
        )
      } catch (error) {
        const partial = partialAnswerOf(error)
        if (!partial) throw error
        const { error: code, message, request_id } = error as ShopeeError
        out.errors = [...(out.errors ?? []), { error: code, message, ...(request_id !== undefined ? { request_id } : {}) }]
        answer = partial
      }
      out.success_list.push(...(answer.success_list ?? []))
      out.failure_list.push(...(answer.failure_list ?? []))
    }
    return out
  }

  /** One page of items found by SKU or name; follow `next_offset` (a string) while it is not "". */
  async searchItem(request: SearchItemRequest): Promise<SearchItemResponse> {
    const response = responseOf<Partial<SearchItemResponse>>(
      await this.#call.get(SEARCH_ITEM_PATH, {
        page_size: request.page_size ?? 100,
        offset: request.offset === "" ? undefined : request.offset,
        item_sku: request.item_sku,
        item_name: request.item_name,
        item_status: request.item_status,
      })
    )
    return { item_id_list: response.item_id_list ?? [], total_count: response.total_count ?? 0, next_offset: response.next_offset ?? "" }
  }

  /** The running and upcoming promotions of items, with the stock each holds; any number of ids, 50 per call. */
  async getItemPromotion(request: { item_id_list: readonly number[] }): Promise<GetItemPromotionResponse> {
    const out: GetItemPromotionResponse = { success_list: [], failure_list: [] }
    for (const batch of chunk([...new Set(request.item_id_list)], ITEM_BASE_INFO_BATCH_SIZE)) {
      const response = responseOf<Partial<GetItemPromotionResponse>>(
        await this.#call.get(GET_ITEM_PROMOTION_PATH, { item_id_list: batch.join(",") })
      )
      out.success_list.push(...(response.success_list ?? []))
      out.failure_list.push(...(response.failure_list ?? []))
    }
    return out
  }
}

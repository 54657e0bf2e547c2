import { totalStock } from "./catalogue.js"
import type { Item, Model, Promotion, Shop } from "./model.js"

/** Which running promotions cover an item, so the views can say `has_promotion`. */
export interface PromotionLookup {
  ongoingOf(itemId: number): Promotion[]
}

/**
 * Shopee's `stock_info_v2` for one model. `seller_stock` is the whole stock, the promotion
 * reserve included; `total_reserved_stock` is the part of it held for promotions.
 */
export function stockInfoV2(model: Model): Record<string, unknown> {
  const total = totalStock(model)
  return {
    summary_info: { total_reserved_stock: model.reserved_stock, total_available_stock: total },
    seller_stock: model.seller_stock.map((s) => ({ location_id: s.location_id, stock: s.stock, if_saleable: true })),
    shopee_stock: [],
  }
}

function priceInfo(model: Model, shop: Shop): Record<string, unknown>[] {
  return [{ currency: shop.currency, original_price: model.original_price, current_price: model.current_price }]
}

/** One entry of get_item_base_info; price and stock only for items without models, as Shopee does. */
export function itemBaseInfo(item: Item, shop: Shop, promotions: PromotionLookup): Record<string, unknown> {
  const running = promotions.ongoingOf(item.item_id)
  const info: Record<string, unknown> = {
    item_id: item.item_id,
    category_id: item.category_id,
    item_name: item.item_name,
    description: "",
    item_sku: item.item_sku,
    create_time: item.create_time,
    update_time: item.update_time,
    attribute_list: [],
    image: { image_url_list: [], image_id_list: [] },
    weight: String(item.weight),
    dimension: { package_length: 10, package_width: 10, package_height: 10 },
    logistic_info: [],
    pre_order: { is_pre_order: false, days_to_ship: 3 },
    condition: "NEW",
    item_status: item.item_status,
    has_model: item.has_model,
    has_promotion: running.length > 0,
    brand: { brand_id: 0, original_brand_name: "NoBrand" },
    item_dangerous: 0,
  }
  if (running.length > 0) info.promotion_id = running[0].promotion_id
  if (!item.has_model) {
    info.price_info = priceInfo(item.models[0], shop)
    info.stock_info_v2 = stockInfoV2(item.models[0])
  }
  return info
}

/** get_model_list: one tier named "Variation" with an option per model. */
export function modelList(item: Item, shop: Shop, promotions: PromotionLookup): Record<string, unknown> {
  if (!item.has_model) return { tier_variation: [], model: [] }
  const running = promotions.ongoingOf(item.item_id)
  return {
    tier_variation: [{ name: "Variation", option_list: item.models.map((m) => ({ option: m.model_name })) }],
    model: item.models.map((m, i) => {
      const promotion = running.find((p) => p.models.some((x) => x.model_id === m.model_id))
      return {
        model_id: m.model_id,
        model_sku: m.model_sku,
        model_status: "MODEL_NORMAL",
        has_promotion: promotion !== undefined,
        ...(promotion ? { promotion_id: promotion.promotion_id } : {}),
        price_info: priceInfo(m, shop),
        stock_info_v2: stockInfoV2(m),
        tier_index: [i],
      }
    }),
  }
}

/** One entry of get_item_promotion's success_list: a row per promoted model of each running promotion. */
export function itemPromotion(item: Item, promotions: PromotionLookup): Record<string, unknown> {
  return {
    item_id: item.item_id,
    promotion: promotions.ongoingOf(item.item_id).flatMap((p) =>
      p.models.map((m) => ({
        promotion_type: p.promotion_type,
        promotion_id: p.promotion_id,
        model_id: m.model_id,
        start_time: p.start_time,
        end_time: p.end_time,
        promotion_price_info: [{ promotion_price: m.promotion_price }],
        promotion_staging: "ongoing",
        promotion_stock_info_v2: { summary_info: { total_reserved_stock: m.reserved_stock } },
      }))
    ),
  }
}

import type { MerchantInput, PartnerInput, ShopInput } from "../accounts.js"
import type { ItemInput, ModelInput } from "../catalogue.js"
import { PUSH_FAULT_KINDS, REQUEST_FAULT_KINDS, type FaultInput } from "../faults.js"
import { ITEM_STATUSES, type SellerStock } from "../model.js"
import type { OrderInput } from "../orders.js"
import type { PromotionInput } from "../promotions.js"
import type { StockFailureInput } from "../stock-failures.js"
import { invalidField } from "./control-error.js"
import type { ControlInput } from "./control-input.js"

/** Control API bodies turned into domain inputs; each failure names the field. */

export function readPartnerInput(input: ControlInput): PartnerInput {
  input.only(["partner_id", "partner_key", "push_partner_key", "callback_url", "name"])
  return {
    partner_id: input.int("partner_id", { required: true, min: 1 }),
    partner_key: input.string("partner_key", { required: true }),
    push_partner_key: input.string("push_partner_key", { required: true }),
    callback_url: input.url("callback_url") ?? null,
    name: input.string("name"),
  }
}

export function readShopInput(input: ControlInput): ShopInput {
  input.only(["shop_id", "shop_name", "region", "currency", "location_ids", "merchant_id"])
  const region = input.string("region")
  if (region !== undefined && !/^[A-Z]{2}$/.test(region))
    throw invalidField(input.path("region"), "should be a two-letter region code such as SG")
  return {
    shop_id: input.int("shop_id", { min: 1 }),
    shop_name: input.string("shop_name"),
    region,
    currency: input.string("currency"),
    location_ids: input.strings("location_ids"),
    merchant_id: input.int("merchant_id", { min: 1 }),
  }
}

export function readMerchantInput(input: ControlInput): MerchantInput {
  input.only(["merchant_id", "main_account_id", "merchant_name", "region", "currency"])
  return {
    merchant_id: input.int("merchant_id", { required: true, min: 1 }),
    main_account_id: input.int("main_account_id", { required: true, min: 1 }),
    merchant_name: input.string("merchant_name"),
    region: input.string("region"),
    currency: input.string("currency"),
  }
}

/** `stock` is a number (at the shop's default location) or `[{location_id, stock}]`. */
export function readStock(input: ControlInput): number | SellerStock[] | undefined {
  if (input.isNumber("stock")) return input.int("stock", { min: 0 })
  return input.objects("stock", { min: 1 })?.map((e) => {
    e.only(["location_id", "stock"])
    return { location_id: e.string("location_id", { required: true }), stock: e.int("stock", { required: true, min: 0 }) }
  })
}

function readModelFields(input: ControlInput): ModelInput {
  return {
    model_name: input.string("model_name"),
    model_sku: input.string("model_sku"),
    price: input.number("price", { min: 0 }),
    original_price: input.number("original_price", { min: 0 }),
    stock: readStock(input),
    reserved_stock: input.int("reserved_stock", { min: 0 }),
  }
}

const MODEL_FIELDS = ["model_name", "model_sku", "price", "original_price", "stock", "reserved_stock"]

export function readModelInputs(input: ControlInput): ModelInput[] | undefined {
  return input.objects("models", { max: 50 })?.map((m) => readModelFields(m.only(MODEL_FIELDS)))
}

/** One item; in a bulk body the shop is given once for all (`shopId`), not per item. */
export function readItemInput(input: ControlInput, shopId?: number): ItemInput {
  const itemFields = ["item_name", "item_sku", "item_status", "category_id", "weight", "models", ...MODEL_FIELDS]
  input.only(shopId === undefined ? ["shop_id", ...itemFields] : itemFields)
  const models = readModelInputs(input)
  return {
    ...readModelFields(input),
    shop_id: shopId ?? input.int("shop_id", { required: true }),
    item_name: input.string("item_name", { required: true }),
    item_sku: input.string("item_sku"),
    item_status: input.oneOf("item_status", ITEM_STATUSES),
    category_id: input.int("category_id", { min: 1 }),
    weight: input.number("weight", { min: 0 }),
    models,
  }
}

export function readOrderInput(input: ControlInput): OrderInput {
  input.only([
    "shop_id",
    "items",
    "status",
    "buyer_username",
    "recipient_address",
    "message_to_seller",
    "cod",
    "payment_method",
    "days_to_ship",
    "shipping_fee",
    "hold_pushes",
  ])
  const lines = input.objects("items", { required: true, min: 1, max: 50 }) as ControlInput[]
  const address = input.object("recipient_address")
  const addressFields = ["name", "phone", "town", "district", "city", "state", "region", "zipcode", "full_address"] as const
  address?.only(addressFields)
  return {
    shop_id: input.int("shop_id", { required: true }),
    items: lines.map((line) => {
      line.only(["item_id", "model_id", "quantity", "discounted_price"])
      return {
        item_id: line.int("item_id", { required: true }),
        model_id: line.int("model_id", { min: 0 }),
        quantity: line.int("quantity", { min: 1 }),
        discounted_price: line.number("discounted_price", { min: 0 }),
      }
    }),
    status: input.oneOf("status", ["UNPAID", "READY_TO_SHIP"] as const),
    buyer_username: input.string("buyer_username"),
    recipient_address: address
      ? Object.fromEntries(addressFields.filter((f) => address.has(f)).map((f) => [f, address.string(f) as string]))
      : undefined,
    message_to_seller: input.string("message_to_seller"),
    cod: input.boolean("cod"),
    payment_method: input.string("payment_method"),
    days_to_ship: input.int("days_to_ship", { min: 1, max: 30 }),
    shipping_fee: input.number("shipping_fee", { min: 0 }),
    hold_pushes: input.boolean("hold_pushes"),
  }
}

export function readPromotionInput(input: ControlInput): PromotionInput {
  input.only(["item_id", "promotion_type", "stock_editable", "end_time", "models"])
  const models = input.objects("models", { required: true, min: 1, max: 50 }) as ControlInput[]
  return {
    item_id: input.int("item_id", { required: true }),
    promotion_type: input.string("promotion_type"),
    stock_editable: input.boolean("stock_editable"),
    end_time: input.int("end_time", { min: 0 }),
    models: models.map((m) => {
      m.only(["model_id", "reserved_stock", "promotion_price"])
      return {
        model_id: m.int("model_id", { required: true, min: 0 }),
        reserved_stock: m.int("reserved_stock", { required: true, min: 0 }),
        promotion_price: m.number("promotion_price", { min: 0 }),
      }
    }),
  }
}

export function readStockFailureInput(input: ControlInput): StockFailureInput {
  input.only(["item_id", "model_id", "failed_reason", "times", "with_error"])
  return {
    item_id: input.int("item_id", { required: true }),
    model_id: input.int("model_id", { min: 0 }),
    failed_reason: input.string("failed_reason"),
    times: input.int("times", { min: 1 }),
    with_error: input.boolean("with_error"),
  }
}

export function readFaultInput(input: ControlInput): FaultInput {
  input.only(["kind", "route", "code", "latency_ms", "status", "times", "batch"])
  const kind = input.oneOf("kind", [...REQUEST_FAULT_KINDS, ...PUSH_FAULT_KINDS], { required: true })
  const route = input.string("route")
  if (route !== undefined && route !== "*" && !route.startsWith("/"))
    throw invalidField("route", "should be a path such as /api/v2/order/get_order_list or a prefix ending in *")
  const latency = input.int("latency_ms", { min: 0, max: 10 * 60 * 1000 })
  if (kind === "latency" && latency === undefined) throw invalidField("latency_ms", "is required for a latency fault")
  return {
    kind,
    route,
    code: input.int("code", { min: 1 }),
    latency_ms: latency,
    status: input.int("status", { min: 500, max: 599 }),
    times: input.int("times", { min: 1 }),
    batch: input.int("batch", { min: 2, max: 100 }),
  }
}

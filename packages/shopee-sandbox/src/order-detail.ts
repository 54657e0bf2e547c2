import type { Order, OrderStatus } from "./model.js"

/** The fields get_order_detail answers without being asked. */
function defaultFields(order: Order): Record<string, unknown> {
  return {
    order_sn: order.order_sn,
    region: order.region,
    currency: order.currency,
    cod: order.cod,
    order_status: order.order_status,
    message_to_seller: order.message_to_seller,
    create_time: order.create_time,
    update_time: order.update_time,
    days_to_ship: order.days_to_ship,
    ship_by_date: order.ship_by_date,
    booking_sn: "",
    advance_package: false,
  }
}

/** The package's `logistics_status` as get_order_detail reports it, read from the order status and tracking number. */
export function logisticsStatus(status: OrderStatus, trackingNumber: string): string {
  switch (status) {
    case "UNPAID":
    case "INVOICE_PENDING":
    case "READY_TO_SHIP":
      return "LOGISTICS_NOT_START"
    case "PROCESSED":
    case "RETRY_SHIP":
      return trackingNumber ? "LOGISTICS_REQUEST_CREATED" : "LOGISTICS_READY"
    case "SHIPPED":
      return "LOGISTICS_PICKUP_DONE"
    case "TO_CONFIRM_RECEIVE":
    case "COMPLETED":
    case "TO_RETURN":
      return "LOGISTICS_DELIVERY_DONE"
    case "IN_CANCEL":
    case "CANCELLED":
      return "LOGISTICS_INVALID"
  }
}

/** Each optional field Shopee serves when named in `response_optional_fields`. */
const OPTIONAL_FIELDS: Record<string, (order: Order) => unknown> = {
  buyer_user_id: (o) => o.buyer_user_id,
  buyer_username: (o) => o.buyer_username,
  estimated_shipping_fee: (o) => o.estimated_shipping_fee,
  recipient_address: (o) => ({ ...o.recipient_address }),
  actual_shipping_fee: (o) => o.actual_shipping_fee,
  actual_shipping_fee_confirmed: (o) => o.actual_shipping_fee > 0,
  goods_to_declare: () => false,
  note: () => "",
  note_update_time: () => 0,
  item_list: (o) =>
    o.lines.map((l) => ({
      item_id: l.item_id,
      item_name: l.item_name,
      item_sku: l.item_sku,
      model_id: l.model_id,
      model_name: l.model_name,
      model_sku: l.model_sku,
      model_quantity_purchased: l.quantity,
      model_original_price: l.original_price,
      model_discounted_price: l.discounted_price,
      wholesale: false,
      weight: 0.5,
      add_on_deal: false,
      main_item: false,
      add_on_deal_id: 0,
      promotion_type: "",
      promotion_id: 0,
      order_item_id: l.order_item_id,
      promotion_group_id: 0,
      image_info: { image_url: "" },
      product_location_id: [l.location_id],
      is_prescription_item: false,
      is_b2c_owned_item: false,
    })),
  pay_time: (o) => o.pay_time ?? 0,
  dropshipper: () => "",
  dropshipper_phone: () => "",
  split_up: () => false,
  buyer_cancel_reason: (o) => o.buyer_cancel_reason,
  cancel_by: (o) => o.cancel_by,
  cancel_reason: (o) => o.cancel_reason,
  buyer_cpf_id: () => "",
  fulfillment_flag: () => "fulfilled_by_local_seller",
  pickup_done_time: (o) => o.pickup_done_time,
  package_list: (o) => [
    {
      package_number: o.package.package_number,
      logistics_status: logisticsStatus(o.order_status, o.package.tracking_number),
      shipping_carrier: o.package.shipping_carrier,
      item_list: o.lines.map((l) => ({
        item_id: l.item_id,
        model_id: l.model_id,
        model_quantity: l.quantity,
        order_item_id: l.order_item_id,
        promotion_group_id: 0,
      })),
      parcel_chargeable_weight_gram: 500,
    },
  ],
  shipping_carrier: (o) => o.package.shipping_carrier,
  payment_method: (o) => o.payment_method,
  total_amount: (o) => o.total_amount,
  invoice_data: () => null,
  checkout_shipping_carrier: (o) => o.package.shipping_carrier,
  reverse_shipping_fee: () => 0,
  order_chargeable_weight_gram: () => 500,
  edt: () => null,
}

export function knownOptionalField(name: string): boolean {
  return name in OPTIONAL_FIELDS
}

export function orderDetail(order: Order, optionalFields: string[]): Record<string, unknown> {
  const detail = defaultFields(order)
  for (const name of optionalFields) {
    const read = OPTIONAL_FIELDS[name]
    if (read) detail[name] = read(order)
  }
  return detail
}

/** The fields of `get_order_detail` the connector reads (Shopee's names). */
export type ShopeeOrderDetail = {
  order_sn: string
  region?: string
  currency: string
  order_status: string
  create_time?: number
  update_time: number
  pay_time?: number | null
  buyer_user_id?: number
  buyer_username?: string
  total_amount?: number
  cancel_reason?: string
  recipient_address?: {
    name?: string
    phone?: string
    town?: string
    district?: string
    city?: string
    state?: string
    region?: string
    zipcode?: string
    full_address?: string
  }
  item_list?: {
    item_id: number
    item_name?: string
    item_sku?: string
    model_id: number
    model_name?: string
    model_sku?: string
    model_quantity_purchased: number
    model_original_price: number
    model_discounted_price: number
  }[]
  package_list?: { package_number?: string; tracking_number?: string }[]
}

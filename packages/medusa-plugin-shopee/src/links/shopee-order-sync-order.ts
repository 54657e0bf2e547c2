import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import ShopeeModule from "../modules/shopee"

/** The Medusa order a Shopee order was imported as. */
export default defineLink(ShopeeModule.linkable.shopeeOrderSync, OrderModule.linkable.order)

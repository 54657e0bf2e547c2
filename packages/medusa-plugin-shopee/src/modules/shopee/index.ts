import { Module } from "@medusajs/framework/utils"
import ShopeeModuleService from "./service"
import ensureDefaultRows from "./loaders/ensure-default-rows"

export const SHOPEE_MODULE = "shopee"

export default Module(SHOPEE_MODULE, {
  service: ShopeeModuleService,
  loaders: [ensureDefaultRows],
})

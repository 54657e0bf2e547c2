export { processShopeePushWorkflow } from "./process-shopee-push"
export { importShopeeOrdersWorkflow } from "./import-shopee-orders"

export { processShopeePushWorkflow } from "./process-shopee-push"
export { importShopeeOrdersWorkflow } from "./import-shopee-orders"
export { importShopeeCatalogueWorkflow } from "./import-shopee-catalogue"

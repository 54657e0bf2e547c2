export { processShopeePushWorkflow } from "./process-shopee-push"

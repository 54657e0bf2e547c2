import { ShopeeError } from "../shopee-error.js"

/**
 * Shopee's logistics errors, named and worded as its API reference lists them for
 * get_shipping_parameter and ship_order. Several share the code `logistics.error_param` and
 * differ only by message, as at Shopee.
 */
function logisticsError(error: string, message: string): ShopeeError {
  return new ShopeeError(error, message, 400)
}

export const beingAllocated = () =>
  logisticsError("logistics.error_param", "The order is being allocated, please wait until the allocate is completed.")
export const noAvailableTimeSlot = () => logisticsError("logistics.no_available_time_slot", "No available time slot")
export const orderCancelled = () => logisticsError("error_status", "The order has been cancelled.")
export const parametersOnlyWhenReady = () =>
  logisticsError("error_param", "Shipping parameters can only be obtained when package is ready to be shipped")
export const alreadyShipped = () => logisticsError("logistics.error_param", "Order has been shipped.")
export const notAllowedInStatus = () => logisticsError("logistics.error_order_state", "Operation is not allow with current order status.")
export const notReadyToShip = () => logisticsError("logistics.error_param", "The order status is not ready to ship.")
export const onlyOneWay = () =>
  logisticsError(
    "logistics.ship_order_only_support_one_type",
    "Please select just one way to ship order: pickup or dropoff or non_integrated."
  )
export const pickupUnsupported = () =>
  logisticsError("logistics.ship_order_unsupport_pickup", "This order does not support ship with pickup.")
export const modeUnsupported = () => logisticsError("logistics.error_method", "Operation is not supported.")
export const needAddressAndTime = () =>
  logisticsError("logistics.ship_order_need_address_pickup_time", "Parameter address_id and pickup_time_id are required.")
export const addressNotFound = () => logisticsError("logistics.address_not_found", "Address is not found.")
export const pickupTimeInvalid = () =>
  logisticsError("logistics.ship_order_pickup_time_invalid", "Invalid pickup time id. Please check the pick up time id.")
export const needTrackingNumber = () =>
  logisticsError("logistics.ship_order_need_tracking_number", "Parameter tracking_number can not be null.")
export const branchNotFound = () => logisticsError("logistics.error_store_not_found", "Store is not found.")

/*
 * The air waybill's refusals. Shopee answers these per order, as `fail_error` and `fail_message`
 * in the call's `result_list`, beside the orders that succeeded.
 */
export const cannotPrint = (why: string) => logisticsError("logistics.package_can_not_print", `The package can not print now: ${why}`)
export const trackingNumberInvalid = () =>
  logisticsError("logistics.tracking_number_invalid", "The tracking number is empty or does not belong to this package.")
export const documentTypeInvalid = (type: string) =>
  logisticsError("logistics.invalid_shipping_document_type", `Shipping document type ${type} is not available for this package.`)
export const documentNotCreated = () =>
  logisticsError("logistics.shipping_document_should_create_first", "Please create the shipping document first.")
export const documentNotReady = () => logisticsError("logistics.shipping_document_not_ready", "The shipping document is not ready.")
export const documentPickedUp = () =>
  logisticsError("logistics.package_can_not_print", "The package has been picked up: its shipping document can no longer be printed.")

import type { INotificationModuleService, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { AdminNotification } from "./plan-notification"

/**
 * Sends one notification to the admin's feed through Medusa's Notification module (the app
 * needs a provider for the `feed` channel; Medusa registers its local one by default). A
 * failure is logged, never thrown: the exception it announces is already recorded and shown
 * on the Shopee pages.
 */
export async function sendAdminNotification(container: MedusaContainer, notification: AdminNotification): Promise<boolean> {
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  try {
    const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)
    await notifications.createNotifications(notification)
    return true
  } catch (error) {
    logger.warn(`Shopee: the admin notification "${notification.data.title}" could not be sent: ${(error as Error).message}`)
    return false
  }
}

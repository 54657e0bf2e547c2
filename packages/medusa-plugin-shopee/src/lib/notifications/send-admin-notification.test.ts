import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { planNotification } from "./plan-notification"
import { sendAdminNotification } from "./send-admin-notification"

const notification = planNotification({
  id: "shexc_01",
  environment: "live",
  kind: "stock_writer_disarmed",
  message: "The stock writer disarmed itself.",
})!

/** A container with Medusa's logger and a notification module that answers with `send`. */
function containerWith(send: (input: unknown) => Promise<unknown>) {
  const warnings: string[] = []
  const sent: unknown[] = []
  const services: Record<string, unknown> = {
    [ContainerRegistrationKeys.LOGGER]: { warn: (message: string) => warnings.push(message) },
    [Modules.NOTIFICATION]: { createNotifications: async (input: unknown) => (sent.push(input), send(input)) },
  }
  const container = { resolve: (key: string) => services[key] } as unknown as MedusaContainer
  return { container, warnings, sent }
}

describe("sendAdminNotification", () => {
  it("hands the planned notification to Medusa's notification module", async () => {
    const { container, warnings, sent } = containerWith(async () => [{ id: "noti_1" }])
    await expect(sendAdminNotification(container, notification)).resolves.toBe(true)
    expect(sent).toEqual([notification])
    expect(warnings).toEqual([])
  })

  it("logs a failure to send rather than throwing it: the exception it announces stays recorded", async () => {
    const { container, warnings } = containerWith(async () => {
      throw new Error("Could not find a notification provider for channel: feed")
    })
    await expect(sendAdminNotification(container, notification)).resolves.toBe(false)
    expect(warnings).toEqual([
      'Shopee: the admin notification "Shopee stock writer stopped (live)" could not be sent: Could not find a notification provider for channel: feed',
    ])
  })
})

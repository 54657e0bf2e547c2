import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { SHOPEE_MODULE } from ".."
import { MAX_FAILURE_ATTEMPTS } from "../exceptions/failure-schedule"
import { ORDER_EXCEPTION_KINDS } from "../exceptions/vocabulary"
import { ConnectorException } from "../models/connector-exception"
import ShopeeModuleService from "../service"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<ShopeeModuleService>({
  moduleName: SHOPEE_MODULE,
  moduleModels: [ConnectorException],
  resolve: "./src/modules/shopee",
  testSuite: ({ service }) => {
    describe("the exception queue", () => {
      const held = {
        environment: "sandbox" as const,
        kind: "unknown_sku" as const,
        payload_ref: "2401ABC",
        message: "No variant for SKU X",
      }

      it("raises one exception per environment, kind and reference while it is unresolved", async () => {
        const first = await service.raiseException(held)
        expect(first.created).toBe(true)
        expect(await service.raiseException(held)).toEqual({ id: first.id, created: false })
        expect((await service.raiseException({ ...held, environment: "live" })).created).toBe(true)
        await service.resolveException(first.id)
        expect((await service.raiseException(held)).created).toBe(true)
      })

      it("counts failures on one exception with a growing delay, then leaves it for a person", async () => {
        const failure = {
          environment: "sandbox" as const,
          kind: "order_import_failed" as const,
          payload_ref: "2401XYZ",
          error: new Error("Shopee timed out"),
        }
        for (let attempt = 1; attempt < MAX_FAILURE_ATTEMPTS; attempt += 1) {
          await service.recordExceptionFailure(failure)
        }
        const [retrying] = await service.listConnectorExceptions({ payload_ref: "2401XYZ" })
        expect(retrying).toMatchObject({ status: "retrying", attempts: MAX_FAILURE_ATTEMPTS - 1 })
        expect(retrying.next_attempt_at!.getTime()).toBeGreaterThan(Date.now())
        await service.recordExceptionFailure(failure)
        const rows = await service.listConnectorExceptions({ payload_ref: "2401XYZ" })
        expect(rows).toHaveLength(1)
        expect(rows[0]).toMatchObject({ status: "open", attempts: MAX_FAILURE_ATTEMPTS, next_attempt_at: null })
        expect(rows[0].message).toContain("left for a person: Shopee timed out")
      })

      it("settles the reference's exceptions of the given kinds only", async () => {
        const order = await service.raiseException({ ...held, payload_ref: "2401SET" })
        const oversell = await service.raiseException({ ...held, kind: "oversell", payload_ref: "2401SET" })
        await service.settleExceptions({ environment: "sandbox", payload_ref: "2401SET", kinds: ORDER_EXCEPTION_KINDS })
        const [settled] = await service.listConnectorExceptions({ id: order.id })
        expect(settled).toMatchObject({ status: "resolved", next_attempt_at: null })
        expect(settled.resolved_at).toBeInstanceOf(Date)
        expect((await service.listConnectorExceptions({ id: oversell.id }))[0].status).toEqual("open")
      })

      it("lets a person resolve one exception once; an unknown id is not found", async () => {
        const { id } = await service.raiseException({ ...held, payload_ref: "2401RES" })
        const resolved = await service.resolveException(id)
        expect(resolved.status).toEqual("resolved")
        expect((await service.resolveException(id)).resolved_at).toEqual(resolved.resolved_at)
        await expect(service.resolveException("shexc_nope")).rejects.toMatchObject({ type: "not_found" })
      })

      it("adds a failed manual retry's outcome to the message and counts it", async () => {
        const { id } = await service.raiseException({
          ...held,
          kind: "token_refresh_failed",
          payload_ref: "shop:1",
          message: "Reconnect shop 1.",
        })
        await service.recordExceptionRetryFailure(id, "The token refresh was refused again")
        const [row] = await service.listConnectorExceptions({ id })
        expect(row).toMatchObject({ attempts: 1, message: "Reconnect shop 1. Last retry: The token refresh was refused again" })
      })
    })
  },
})

import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { SHOPEE_MODULE } from ".."
import { EXCEPTION_CREATED_EVENT } from "../exceptions/exception-events"
import { ConnectorException } from "../models/connector-exception"
import ShopeeModuleService from "../service"

jest.setTimeout(60 * 1000)

/** Medusa's event bus as the module sees it: what was emitted (one message or several per call). */
const bus = {
  emitted: [] as { name: string; data: { id: string } }[],
  async emit(messages: { name: string; data: { id: string } } | { name: string; data: { id: string } }[]) {
    bus.emitted.push(...[messages].flat())
  },
}
const created = () => bus.emitted.filter((message) => message.name === EXCEPTION_CREATED_EVENT).map((message) => message.data.id)

moduleIntegrationTestRunner<ShopeeModuleService>({
  moduleName: SHOPEE_MODULE,
  moduleModels: [ConnectorException],
  resolve: "./src/modules/shopee",
  injectedDependencies: { [Modules.EVENT_BUS]: bus },
  testSuite: ({ service }) => {
    /** The admin notification listens to Medusa's own creation event: it must fire once per exception opened. */
    describe("the creation event of an exception", () => {
      const oversell = {
        environment: "sandbox" as const,
        kind: "oversell" as const,
        payload_ref: "2401OVR",
        message: "PKM-1: 1 sold, 0 available",
      }

      beforeEach(() => {
        bus.emitted.length = 0
      })

      it("fires once per exception opened, not when an open one is raised again", async () => {
        const first = await service.raiseException(oversell)
        await service.raiseException(oversell)
        expect(created()).toEqual([first.id])

        await service.resolveException(first.id)
        const again = await service.raiseException(oversell)
        expect(created()).toEqual([first.id, again.id])
      })

      it("fires once for a folded burst, whose later raises only count on the open exception", async () => {
        const rejected = { environment: "sandbox" as const, kind: "push_signature_invalid" as const, message: "Bad signature", fold: true }
        const first = await service.raiseException({ ...rejected, payload_ref: "evt_1" })
        await service.raiseException({ ...rejected, payload_ref: "evt_2" })
        expect(created()).toEqual([first.id])
      })

      it("fires when a scheduled failure's exception opens, not at each later attempt", async () => {
        const failure = {
          environment: "sandbox" as const,
          kind: "order_import_failed" as const,
          payload_ref: "2401FLD",
          error: new Error("timed out"),
        }
        await service.recordExceptionFailure(failure)
        await service.recordExceptionFailure(failure)
        const [exception] = await service.listConnectorExceptions({ payload_ref: "2401FLD" })
        expect(created()).toEqual([exception.id])
      })
    })
  },
})

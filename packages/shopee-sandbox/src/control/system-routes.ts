import { invalidField, notFound } from "./control-error.js"
import type { ControlRoute } from "./control-route.js"
import { readFaultInput } from "./read-inputs.js"

/** Whole-sandbox controls: state, reset, request log, faults, settings, clock. */
export const systemRoutes: ControlRoute[] = [
  { method: "GET", pattern: "/_control/state", handle: ({ sandbox }) => ({ body: sandbox.state }) },
  {
    method: "POST",
    pattern: "/_control/reset",
    handle({ reset }) {
      reset()
      return { body: { reset: true } }
    },
  },
  {
    method: "GET",
    pattern: "/_control/requests",
    handle: ({ sandbox, query }) => ({ body: sandbox.requestLog.list({ path: query.get("path") ?? undefined }) }),
  },
  {
    method: "DELETE",
    pattern: "/_control/requests",
    handle({ sandbox }) {
      sandbox.requestLog.clear()
      return { body: { cleared: true } }
    },
  },
  { method: "GET", pattern: "/_control/faults", handle: ({ sandbox }) => ({ body: sandbox.faults.list() }) },
  {
    method: "POST",
    pattern: "/_control/faults",
    handle: ({ sandbox, input }) => ({ status: 201, body: sandbox.faults.add(readFaultInput(input)) }),
  },
  {
    method: "DELETE",
    pattern: "/_control/faults",
    handle({ sandbox }) {
      sandbox.faults.clear()
      return { body: { cleared: true } }
    },
  },
  {
    method: "DELETE",
    pattern: "/_control/faults/:id",
    handle({ sandbox, params }) {
      if (!sandbox.faults.remove(Number(params.id))) throw notFound(`fault ${params.id} does not exist`)
      return { body: { removed: true } }
    },
  },
  { method: "GET", pattern: "/_control/settings", handle: ({ sandbox }) => ({ body: sandbox.settings }) },
  {
    method: "PATCH",
    pattern: "/_control/settings",
    handle({ sandbox, input }) {
      input.only(["item_list_offset_limit", "update_stock_error_beside_failures"])
      const limit = input.int("item_list_offset_limit", { min: 1 })
      const errorBeside = input.boolean("update_stock_error_beside_failures")
      if (limit !== undefined) sandbox.settings.item_list_offset_limit = limit
      if (errorBeside !== undefined) sandbox.settings.update_stock_error_beside_failures = errorBeside
      return { body: sandbox.settings }
    },
  },
  {
    method: "GET",
    pattern: "/_control/clock",
    handle: ({ sandbox }) => ({
      body: { now_ms: sandbox.clock.nowMs(), now_seconds: sandbox.clock.nowSeconds(), offset_ms: sandbox.clock.offset() },
    }),
  },
  {
    method: "POST",
    pattern: "/_control/clock",
    handle({ sandbox, input }) {
      input.only(["advance_ms"])
      const advance = input.int("advance_ms", { required: true })
      if (advance < 0) throw invalidField("advance_ms", "time only moves forward")
      sandbox.clock.advance(advance)
      return { body: { now_ms: sandbox.clock.nowMs(), now_seconds: sandbox.clock.nowSeconds(), offset_ms: sandbox.clock.offset() } }
    },
  },
]

import type { Promotion } from "../model.js"
import { PROMOTION_STATUSES } from "../model.js"
import { PromotionInputError, PromotionStateError } from "../promotions.js"
import type { Sandbox } from "../sandbox.js"
import { conflict, invalidField, notFound } from "./control-error.js"
import type { ControlRoute } from "./control-route.js"
import { readPromotionInput, readStockFailureInput } from "./read-inputs.js"

function findPromotion(sandbox: Sandbox, promotionId: string): Promotion {
  const promotion = sandbox.promotions.get(Number(promotionId))
  if (!promotion) throw notFound(`promotion ${promotionId} does not exist`)
  return promotion
}

/** Promotions that lock stock, and injected update_stock refusals: what a stock writer must survive. */
export const promotionRoutes: ControlRoute[] = [
  {
    method: "GET",
    pattern: "/_control/promotions",
    handle({ sandbox, query }) {
      const itemId = query.get("item_id")
      const status = query.get("status")
      if (status !== null && !(PROMOTION_STATUSES as readonly string[]).includes(status)) {
        throw invalidField("status", `should be one of ${PROMOTION_STATUSES.join(", ")}`)
      }
      return {
        body: sandbox.state.promotions.filter(
          (p) => (itemId === null || p.item_id === Number(itemId)) && (status === null || p.status === status)
        ),
      }
    },
  },
  {
    method: "GET",
    pattern: "/_control/promotions/:promotion_id",
    handle: ({ sandbox, params }) => ({ body: findPromotion(sandbox, params.promotion_id) }),
  },
  {
    method: "POST",
    pattern: "/_control/promotions",
    handle({ sandbox, input }) {
      const promotionInput = readPromotionInput(input)
      const item = sandbox.catalogue.item(promotionInput.item_id)
      if (!item) throw invalidField("item_id", `item ${promotionInput.item_id} does not exist`)
      try {
        const promotion = sandbox.promotions.start(item, promotionInput)
        sandbox.changed()
        return { status: 201, body: promotion }
      } catch (err) {
        if (err instanceof PromotionInputError) throw invalidField(err.field, err.message)
        throw err
      }
    },
  },
  {
    method: "POST",
    pattern: "/_control/promotions/:promotion_id/end",
    handle({ sandbox, params, input }) {
      input.only(["cancelled"])
      const promotion = findPromotion(sandbox, params.promotion_id)
      try {
        sandbox.promotions.end(promotion, input.boolean("cancelled") ? "promo_cancelled" : "promo_end")
      } catch (err) {
        if (err instanceof PromotionStateError) throw conflict(err.message)
        throw err
      }
      sandbox.changed()
      return { body: promotion }
    },
  },
  { method: "GET", pattern: "/_control/stock_failures", handle: ({ sandbox }) => ({ body: sandbox.stockFailures.list() }) },
  {
    method: "POST",
    pattern: "/_control/stock_failures",
    handle({ sandbox, input }) {
      const failure = readStockFailureInput(input)
      const item = sandbox.catalogue.item(failure.item_id)
      if (!item) throw invalidField("item_id", `item ${failure.item_id} does not exist`)
      if (failure.model_id != null && !item.models.some((m) => m.model_id === failure.model_id)) {
        throw invalidField("model_id", `model ${failure.model_id} is not a model of item ${item.item_id}`)
      }
      return { status: 201, body: sandbox.stockFailures.add(failure) }
    },
  },
  {
    method: "DELETE",
    pattern: "/_control/stock_failures",
    handle({ sandbox }) {
      sandbox.stockFailures.clear()
      return { body: { cleared: true } }
    },
  },
  {
    method: "DELETE",
    pattern: "/_control/stock_failures/:id",
    handle({ sandbox, params }) {
      if (!sandbox.stockFailures.remove(Number(params.id))) throw notFound(`stock failure ${params.id} does not exist`)
      return { body: { removed: true } }
    },
  },
]

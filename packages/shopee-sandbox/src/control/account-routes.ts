import { DuplicateError } from "../accounts.js"
import type { Partner } from "../model.js"
import { conflict, invalidField, notFound } from "./control-error.js"
import type { ControlRoute } from "./control-route.js"
import { readMerchantInput, readPartnerInput, readShopInput } from "./read-inputs.js"

function creating<T>(create: () => T): T {
  try {
    return create()
  } catch (err) {
    if (err instanceof DuplicateError) throw conflict(err.message)
    throw err
  }
}

/** Partners, shops and merchants. */
export const accountRoutes: ControlRoute[] = [
  { method: "GET", pattern: "/_control/partners", handle: ({ sandbox }) => ({ body: sandbox.state.partners }) },
  {
    method: "POST",
    pattern: "/_control/partners",
    handle({ sandbox, input }) {
      const partner = creating(() => sandbox.accounts.addPartner(readPartnerInput(input)))
      sandbox.changed()
      return { status: 201, body: partner }
    },
  },
  {
    method: "PATCH",
    pattern: "/_control/partners/:partner_id",
    handle({ sandbox, input, params }) {
      input.only(["partner_key", "push_partner_key", "callback_url", "name"])
      const patch: Partial<Omit<Partner, "partner_id">> = {}
      if (input.has("partner_key")) patch.partner_key = input.string("partner_key")
      if (input.has("push_partner_key")) patch.push_partner_key = input.string("push_partner_key")
      if (input.has("name")) patch.name = input.string("name")
      // An explicit null removes the callback URL: pushes then become lost pushes.
      if (input.given("callback_url")) patch.callback_url = input.url("callback_url") ?? null
      const partner = sandbox.accounts.updatePartner(Number(params.partner_id), patch)
      if (!partner) throw notFound(`partner ${params.partner_id} does not exist`)
      sandbox.changed()
      return { body: partner }
    },
  },
  { method: "GET", pattern: "/_control/shops", handle: ({ sandbox }) => ({ body: sandbox.state.shops }) },
  {
    method: "POST",
    pattern: "/_control/shops",
    handle({ sandbox, input }) {
      const shop = creating(() => sandbox.accounts.addShop(readShopInput(input)))
      sandbox.changed()
      return { status: 201, body: shop }
    },
  },
  {
    method: "PATCH",
    pattern: "/_control/shops/:shop_id",
    handle({ sandbox, input, params }) {
      input.only(["holiday_mode", "under_penalty", "location_ids"])
      const shop = sandbox.accounts.shop(Number(params.shop_id))
      if (!shop) throw notFound(`shop ${params.shop_id} does not exist`)
      const holidayMode = input.boolean("holiday_mode")
      const underPenalty = input.boolean("under_penalty")
      const locationIds = input.strings("location_ids")
      if (locationIds !== undefined && locationIds.length === 0) throw invalidField("location_ids", "should name at least one location")
      if (holidayMode !== undefined) shop.holiday_mode = holidayMode
      if (underPenalty !== undefined) shop.under_penalty = underPenalty
      if (locationIds !== undefined) shop.location_ids = locationIds
      sandbox.changed()
      return { body: shop }
    },
  },
  { method: "GET", pattern: "/_control/merchants", handle: ({ sandbox }) => ({ body: sandbox.state.merchants }) },
  {
    method: "POST",
    pattern: "/_control/merchants",
    handle({ sandbox, input }) {
      const merchant = creating(() => sandbox.accounts.addMerchant(readMerchantInput(input)))
      sandbox.changed()
      return { status: 201, body: merchant }
    },
  },
]

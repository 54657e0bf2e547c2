import type { ShopeeEnvironment } from "../../modules/shopee/environments"

/** The guide's steps, in the order a merchant takes them. */
export const SETUP_STEP_IDS = [
  "credentials",
  "registration",
  "shop_connected",
  "push_verified",
  "order_setup",
  "catalogue",
  "stock_mode",
  "first_order",
] as const
export type SetupStepId = (typeof SETUP_STEP_IDS)[number]

/** What the store has, as read from it (read-setup-facts.ts); nothing here is set by a person ticking a box. */
export type SetupFacts = {
  environment: ShopeeEnvironment
  profile: { complete: boolean; missing: string[] }
  /** Tokens exist only once the shop came back through the OAuth redirect. */
  token: { state: "none" | "connected" | "expired" }
  pushes: { verified: number; rejected: number; last_verified_at: Date | null }
  order_setup: {
    sales_channel: { name: string; found: boolean; has_stock_location: boolean }
    shipping_option: { wanted: string; found: boolean }
  }
  catalogue: { last_run: "running" | "succeeded" | "failed" | null; models: number; mapped: number }
  /** `chosen`: a person set the mode at least once (the default Off was never confirmed). */
  stock: { mode: string; chosen: boolean }
  orders: { imported: number }
}

export type SetupStep = {
  id: SetupStepId
  done: boolean
  /** Counts and names the page shows beside the step. */
  detail: Record<string, string | number | boolean | null>
  /** What to do next, as a translation key of the page; null once done. */
  next_action: string | null
  /** The admin page where the next action is taken; null once done or when nothing in Medusa helps. */
  link: string | null
}

/**
 * Each step's tick, from the live state alone. Step 2 (the URLs registered at Shopee) cannot be
 * read from Shopee, so it counts as done once its effect is seen: a push that verified against
 * the registered push URL, or a shop that came back through the registered redirect origin
 * (tokens exist, even expired).
 */
export function planSetupSteps(facts: SetupFacts): SetupStep[] {
  const env = facts.environment
  const connectionPage = `/shopee?env=${env}`
  const step = (id: SetupStepId, done: boolean, detail: SetupStep["detail"], next: string, link: string | null): SetupStep =>
    done ? { id, done, detail, next_action: null, link: null } : { id, done, detail, next_action: next, link }

  const { sales_channel: channel, shipping_option: option } = facts.order_setup
  const orderSetupNext = !channel.found
    ? { action: "create_sales_channel", link: "/settings/sales-channels" }
    : !channel.has_stock_location
      ? { action: "link_stock_location", link: "/settings/sales-channels" }
      : { action: "create_shipping_option", link: "/settings/locations" }
  const { catalogue } = facts
  const catalogueImported = catalogue.last_run === "succeeded"
  const catalogueNext = catalogueImported ? "map_models" : catalogue.last_run === "running" ? "wait_for_catalogue" : "import_catalogue"

  return [
    step("credentials", facts.profile.complete, { missing: facts.profile.missing.join(", ") || null }, "save_credentials", connectionPage),
    step(
      "registration",
      facts.pushes.verified > 0 || facts.token.state !== "none",
      { verified_pushes: facts.pushes.verified, authorized: facts.token.state !== "none" },
      facts.pushes.rejected > 0 ? "check_push_key" : "register_urls",
      connectionPage
    ),
    step(
      "shop_connected",
      facts.token.state === "connected",
      { token_state: facts.token.state },
      facts.token.state === "expired" ? "reconnect_shop" : "connect_shop",
      connectionPage
    ),
    step(
      "push_verified",
      facts.pushes.verified > 0,
      {
        verified_pushes: facts.pushes.verified,
        rejected_pushes: facts.pushes.rejected,
        last_verified_at: facts.pushes.last_verified_at?.toISOString() ?? null,
      },
      facts.pushes.rejected > 0 ? "check_push_key" : "send_test_push",
      null
    ),
    step(
      "order_setup",
      channel.found && channel.has_stock_location && option.found,
      {
        sales_channel: channel.name,
        sales_channel_found: channel.found,
        stock_location_found: channel.has_stock_location,
        shipping_option: option.wanted,
        shipping_option_found: option.found,
      },
      orderSetupNext.action,
      orderSetupNext.link
    ),
    step(
      "catalogue",
      catalogueImported && catalogue.mapped > 0,
      { last_run: catalogue.last_run, models: catalogue.models, mapped: catalogue.mapped },
      catalogueNext,
      `/shopee/products?env=${env}`
    ),
    step("stock_mode", facts.stock.chosen, { mode: facts.stock.mode }, "choose_stock_mode", `/shopee/stock?env=${env}`),
    step("first_order", facts.orders.imported > 0, { imported: facts.orders.imported }, "wait_for_order", `/shopee/orders?env=${env}`),
  ]
}

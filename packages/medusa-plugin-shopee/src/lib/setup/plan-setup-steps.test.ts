import { planSetupSteps, SETUP_STEP_IDS, type SetupFacts, type SetupStep, type SetupStepId } from "./plan-setup-steps"

const fresh: SetupFacts = {
  environment: "sandbox",
  profile: { complete: false, missing: ["partner_id", "partner_key", "shop_id"] },
  token: { state: "none" },
  pushes: { verified: 0, rejected: 0, last_verified_at: null },
  order_setup: {
    sales_channel: { name: "Shopee", found: false, has_stock_location: false },
    shipping_option: { wanted: "Shopee shipping", found: false },
  },
  catalogue: { last_run: null, models: 0, mapped: 0 },
  stock: { mode: "off", chosen: false },
  orders: { imported: 0 },
}

const ready: SetupFacts = {
  ...fresh,
  profile: { complete: true, missing: [] },
  token: { state: "connected" },
  pushes: { verified: 2, rejected: 0, last_verified_at: new Date("2026-11-30T10:00:00Z") },
  order_setup: {
    sales_channel: { name: "Shopee", found: true, has_stock_location: true },
    shipping_option: { wanted: "Shopee shipping", found: true },
  },
  catalogue: { last_run: "succeeded", models: 4, mapped: 3 },
  stock: { mode: "guarded", chosen: true },
  orders: { imported: 1 },
}

const stepOf = (facts: SetupFacts, id: SetupStepId): SetupStep => planSetupSteps(facts).find((step) => step.id === id)!

describe("planSetupSteps", () => {
  it("lists every step in order, none done on a fresh store, each with a next action", () => {
    const steps = planSetupSteps(fresh)
    expect(steps.map((step) => step.id)).toEqual([...SETUP_STEP_IDS])
    for (const step of steps) {
      expect(step.done).toBe(false)
      expect(step.next_action).not.toBeNull()
    }
  })

  it("ticks every step once the store is set up, and then offers no action or link", () => {
    for (const step of planSetupSteps(ready)) {
      expect(step).toMatchObject({ done: true, next_action: null, link: null })
    }
  })

  it("names the missing credential fields and links to the connection page of the environment", () => {
    expect(stepOf({ ...fresh, environment: "live" }, "credentials")).toEqual({
      id: "credentials",
      done: false,
      detail: { missing: "partner_id, partner_key, shop_id" },
      next_action: "save_credentials",
      link: "/shopee?env=live",
    })
  })

  it("counts the registration done once a push verified or the shop came back through the redirect", () => {
    expect(stepOf(fresh, "registration").done).toBe(false)
    expect(stepOf({ ...fresh, pushes: { ...fresh.pushes, verified: 1 } }, "registration").done).toBe(true)
    expect(stepOf({ ...fresh, token: { state: "expired" } }, "registration").done).toBe(true)
  })

  it("asks to check the push key, not to register again, when pushes arrive but none verified", () => {
    const facts = { ...fresh, pushes: { verified: 0, rejected: 3, last_verified_at: null } }
    expect(stepOf(facts, "registration").next_action).toBe("check_push_key")
    expect(stepOf(facts, "push_verified")).toMatchObject({ done: false, next_action: "check_push_key", detail: { rejected_pushes: 3 } })
    expect(stepOf(fresh, "push_verified").next_action).toBe("send_test_push")
  })

  it("does not count an expired authorization as connected, and asks to reconnect", () => {
    expect(stepOf({ ...ready, token: { state: "expired" } }, "shop_connected")).toMatchObject({
      done: false,
      next_action: "reconnect_shop",
    })
    expect(stepOf(fresh, "shop_connected").next_action).toBe("connect_shop")
  })

  it("points at what the order import lacks first: channel, then its stock location, then the shipping option", () => {
    const setup = (channel: boolean, location: boolean, option: boolean): SetupFacts => ({
      ...ready,
      order_setup: {
        sales_channel: { name: "Shopee", found: channel, has_stock_location: location },
        shipping_option: { wanted: "Shopee shipping", found: option },
      },
    })
    expect(stepOf(setup(false, false, true), "order_setup")).toMatchObject({
      done: false,
      next_action: "create_sales_channel",
      link: "/settings/sales-channels",
    })
    expect(stepOf(setup(true, false, true), "order_setup").next_action).toBe("link_stock_location")
    expect(stepOf(setup(true, true, false), "order_setup")).toMatchObject({
      next_action: "create_shipping_option",
      link: "/settings/locations",
    })
  })

  it("needs a finished catalogue import with at least one mapped model, and shows N of M", () => {
    const catalogue = (last_run: SetupFacts["catalogue"]["last_run"], models: number, mapped: number) =>
      stepOf({ ...ready, catalogue: { last_run, models, mapped } }, "catalogue")
    expect(catalogue(null, 0, 0)).toMatchObject({ done: false, next_action: "import_catalogue", link: "/shopee/products?env=sandbox" })
    expect(catalogue("running", 2, 0).next_action).toBe("wait_for_catalogue")
    expect(catalogue("failed", 2, 1).next_action).toBe("import_catalogue")
    expect(catalogue("succeeded", 4, 0)).toMatchObject({ done: false, next_action: "map_models", detail: { models: 4, mapped: 0 } })
    expect(catalogue("succeeded", 4, 1)).toMatchObject({ done: true, detail: { models: 4, mapped: 1 } })
  })

  it("ticks the stock mode only when a person chose one, even if it is still Off", () => {
    expect(stepOf({ ...ready, stock: { mode: "off", chosen: false } }, "stock_mode")).toMatchObject({
      done: false,
      next_action: "choose_stock_mode",
    })
    expect(stepOf({ ...ready, stock: { mode: "off", chosen: true } }, "stock_mode").done).toBe(true)
  })

  it("waits for the first imported order", () => {
    expect(stepOf({ ...ready, orders: { imported: 0 } }, "first_order")).toMatchObject({ done: false, next_action: "wait_for_order" })
  })
})

import { PushHealthWindow, SHOPEE_PUSH_HEALTH_RULE, isPushSuccess } from "./push-health.js"

const HOUR = 60 * 60 * 1000

function windowWith(successes: number, failures: number, atMs = 0): PushHealthWindow {
  const window = new PushHealthWindow(SHOPEE_PUSH_HEALTH_RULE)
  for (let i = 0; i < successes; i++) window.record(atMs, true)
  for (let i = 0; i < failures; i++) window.record(atMs, false)
  return window
}

describe("what counts as a delivered push", () => {
  test("a 2xx with an empty body, in time", () => {
    expect(isPushSuccess({ status: 200, body_bytes: 0, error: null })).toBe(true)
    expect(isPushSuccess({ status: 204, body_bytes: 0, error: null })).toBe(true)
  })

  test("not a 2xx with a body, not a 3xx/5xx, not a timeout", () => {
    expect(isPushSuccess({ status: 200, body_bytes: 2, error: null })).toBe(false)
    expect(isPushSuccess({ status: 302, body_bytes: 0, error: null })).toBe(false)
    expect(isPushSuccess({ status: 503, body_bytes: 0, error: null })).toBe(false)
    expect(isPushSuccess({ status: null, body_bytes: 0, error: "timeout after 3000 ms" })).toBe(false)
  })
})

describe("the subscription's health over 6 hours", () => {
  test("more than 600 pushes under 30 % success suspend it", () => {
    expect(windowWith(180, 421).health(0)).toMatchObject({ status: "suspended", attempts: 601, successes: 180 })
  })

  test("600 pushes are not more than 600: a low rate alone suspends nothing", () => {
    expect(windowWith(0, 600).health(0).status).toBe("active")
  })

  test("exactly 30 % is not under 30 %: a warning, not a suspension", () => {
    expect(windowWith(300, 700).health(0)).toMatchObject({ status: "warning", success_rate: 0.3 })
  })

  test("under 70 % over enough pushes warns; 70 % and above is active", () => {
    expect(windowWith(420, 181).health(0).status).toBe("warning")
    expect(windowWith(421, 180).health(0).status).toBe("active")
  })

  test("attempts older than 6 hours leave the window", () => {
    const window = windowWith(0, 601, 0)
    expect(window.health(6 * HOUR - 1).status).toBe("suspended")
    expect(window.health(6 * HOUR)).toMatchObject({ status: "active", attempts: 0, success_rate: null })
  })
})

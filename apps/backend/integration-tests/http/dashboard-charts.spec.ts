import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { adminHeaders } from "../helpers/admin-session"

jest.setTimeout(120 * 1000)

const HOUR = 60 * 60 * 1000
const ago = (ms: number) => new Date(Date.now() - ms)
/** The slot keys the route answers with: UTC hour starts as ISO text, UTC days as YYYY-MM-DD. */
const hourKey = (at: Date) => new Date(Math.floor(at.getTime() / HOUR) * HOUR).toISOString()
const dayKey = (at: Date) => at.toISOString().slice(0, 10)

let sequence = 0
const next = () => (sequence += 1)
const timestamps = (at: Date) => ({ created_at: at, updated_at: at })

const orderRow = (environment: string, state: string, at: Date) => {
  const n = next()
  return { id: `shord_ch${n}`, environment, order_sn: `CH${n}`, shop_id: "700001", state, paid: false, ...timestamps(at) }
}
const eventRow = (environment: string, status: string, at: Date) => ({
  id: `shevt_ch${next()}`,
  environment,
  path: "/",
  raw_body: "{}",
  code: 3,
  signature_ok: status !== "rejected",
  status,
  processed: status === "processed",
  attempts: 0,
  ...timestamps(at),
})
const tallyRow = (environment: string, source: string, at: Date, refused: number) => ({
  id: `shrpt_ch${next()}`,
  environment,
  source,
  window_start: at,
  received: refused,
  refused,
  ...timestamps(at),
})
const exceptionRow = (environment: string | null, kind: string, status: string, firstSeen: Date, firstSeenColumn = true) => ({
  id: `shexc_ch${next()}`,
  environment,
  kind,
  message: "x",
  status,
  attempts: 0,
  ...(firstSeenColumn ? { first_seen_at: firstSeen, last_seen_at: firstSeen } : {}),
  ...timestamps(firstSeenColumn ? new Date() : firstSeen),
})
const runRow = (environment: string, at: Date, written: number, failed: number) => ({
  id: `shstrun_ch${next()}`,
  environment,
  profile_id: "shprof_x",
  trigger: "fast",
  mode: "mirror",
  status: failed ? "partial" : "succeeded",
  written,
  failed,
  sent: written + failed,
  ...timestamps(at),
})

medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: "ab".repeat(32) },
  testSuite: ({ api, getContainer }) => {
    let options: Awaited<ReturnType<typeof adminHeaders>>
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const charts = async (search = "") => {
      const response = await api.get(`/admin/dashboard/charts${search}`, options)
      expect(response.status).toEqual(200)
      return response.data
    }
    const dayOf = (answer: any, at: Date) => answer.orders_per_day.days.find((day: any) => day.day === dayKey(at))
    const hourOf = (series: any[], at: Date) => series.find((entry) => entry.hour === hourKey(at))

    const now = new Date()
    const today = now
    const threeDaysAgo = ago(3 * 24 * HOUR)
    const twentyDaysAgo = ago(20 * 24 * HOUR)
    const twoHoursAgo = ago(2 * HOUR)
    const thirtyHoursAgo = ago(30 * HOUR)

    /**
     * Sandbox: imported orders 2 today, 1 three days ago, 1 twenty days ago (plus one only
     * claimed); pushes two hours ago 3 processed, 1 failed, 1 rejected and 5 refused over the
     * limit (the per-sender row repeats them), one processed 30 hours ago; stock runs an hour ago
     * writing 4+2 with 1 failure, one 30 hours ago writing 9. Live: 1 order today, 2 pushes and 1
     * refused two hours ago, a run writing 7 with 2 failures. Exceptions below.
     */
    const seed = async () => {
      await sql()("shopee_order_sync").insert([
        orderRow("sandbox", "imported", today),
        orderRow("sandbox", "imported", today),
        orderRow("sandbox", "claimed", today),
        orderRow("sandbox", "imported", threeDaysAgo),
        orderRow("sandbox", "imported", twentyDaysAgo),
        orderRow("live", "imported", today),
      ])
      await sql()("shopee_raw_event").insert([
        ...["processed", "processed", "processed", "failed", "rejected"].map((status) => eventRow("sandbox", status, twoHoursAgo)),
        eventRow("sandbox", "processed", thirtyHoursAgo),
        eventRow("live", "processed", twoHoursAgo),
        eventRow("live", "processed", twoHoursAgo),
      ])
      await sql()("shopee_rejected_push_tally").insert([
        tallyRow("sandbox", "*", twoHoursAgo, 5),
        tallyRow("sandbox", "10.0.0.9", twoHoursAgo, 5),
        tallyRow("live", "*", twoHoursAgo, 1),
      ])
      await sql()("connector_exception").insert([
        exceptionRow("sandbox", "unknown_sku", "open", ago(10 * 60 * 1000)),
        exceptionRow("sandbox", "unknown_sku", "retrying", ago(2 * 24 * HOUR), false),
        exceptionRow("sandbox", "unknown_sku", "resolved", ago(HOUR)),
        exceptionRow("sandbox", "order_import_failed", "open", ago(10 * 24 * HOUR)),
        exceptionRow("live", "unknown_sku", "open", ago(5 * HOUR)),
        exceptionRow(null, "push_rejected", "open", ago(3 * HOUR)),
      ])
      await sql()("shopee_stock_run").insert([
        runRow("sandbox", ago(HOUR), 4, 1),
        runRow("sandbox", ago(HOUR), 2, 0),
        runRow("sandbox", thirtyHoursAgo, 9, 0),
        runRow("live", ago(HOUR), 7, 2),
      ])
    }

    beforeEach(async () => {
      options = await adminHeaders(api, getContainer())
    })

    it("answers every slot with zeros on an empty store", async () => {
      const answer = await charts()
      expect(answer).toMatchObject({ active_environment: "sandbox", env_filter: "sandbox", days: 14, hours: 24 })
      expect(answer.orders_per_day.environments).toEqual(["sandbox"])
      expect(answer.orders_per_day.days).toHaveLength(14)
      expect(answer.orders_per_day.days.every((day: any) => day.total === 0 && day.by_environment.sandbox === 0)).toBe(true)
      expect(answer.orders_per_day.days.at(-1).day).toEqual(dayKey(new Date()))
      expect(answer.push_acknowledgement.hours).toHaveLength(24)
      expect(answer.push_acknowledgement.hours.every((hour: any) => hour.received === 0 && hour.success_rate === null)).toBe(true)
      expect(answer.push_acknowledgement.thresholds).toEqual({ warn_rate: 0.7, suspend_rate: 0.3, window_hours: 6, min_pushes: 600 })
      expect(answer.open_exceptions.kinds).toEqual([])
      expect(answer.stock_writes.hours).toHaveLength(24)
      expect(answer.stock_writes.hours.every((hour: any) => hour.written === 0 && hour.failed === 0)).toBe(true)
    })

    it("scopes to the active environment: imported orders per day, pushes and stock writes per hour, open exceptions by kind and age", async () => {
      await seed()
      const answer = await charts()
      expect(answer.env_filter).toEqual("sandbox")

      expect(dayOf(answer, today)).toEqual({ day: dayKey(today), total: 2, by_environment: { sandbox: 2 } })
      expect(dayOf(answer, threeDaysAgo)).toEqual({ day: dayKey(threeDaysAgo), total: 1, by_environment: { sandbox: 1 } })
      expect(answer.orders_per_day.days.reduce((sum: number, day: any) => sum + day.total, 0)).toEqual(3)

      // 5 stored + 5 refused (the per-sender tally row not counted twice); 4 of them accepted.
      expect(hourOf(answer.push_acknowledgement.hours, twoHoursAgo)).toEqual({
        hour: hourKey(twoHoursAgo),
        received: 10,
        accepted: 4,
        rejected: 6,
        failed: 1,
        success_rate: 0.4,
      })
      expect(answer.push_acknowledgement.hours.reduce((sum: number, hour: any) => sum + hour.received, 0)).toEqual(10)

      expect(answer.open_exceptions.kinds).toEqual([
        { kind: "unknown_sku", total: 2, by_age: { under_1h: 1, under_1d: 0, under_1w: 1, older: 0 } },
        { kind: "order_import_failed", total: 1, by_age: { under_1h: 0, under_1d: 0, under_1w: 0, older: 1 } },
      ])

      expect(hourOf(answer.stock_writes.hours, ago(HOUR))).toEqual({ hour: hourKey(ago(HOUR)), written: 6, failed: 1 })
      expect(answer.stock_writes.hours.reduce((sum: number, hour: any) => sum + hour.written, 0)).toEqual(6)

      await sql()("shopee_active_environment").update({ environment: "live" })
      const live = await charts()
      expect(live.env_filter).toEqual("live")
      expect(dayOf(live, today)).toEqual({ day: dayKey(today), total: 1, by_environment: { live: 1 } })
      expect(hourOf(live.push_acknowledgement.hours, twoHoursAgo)).toMatchObject({ received: 3, accepted: 2, rejected: 1, failed: 0 })
      expect(live.open_exceptions.kinds).toEqual([
        { kind: "unknown_sku", total: 1, by_age: { under_1h: 0, under_1d: 1, under_1w: 0, older: 0 } },
      ])
      expect(hourOf(live.stock_writes.hours, ago(HOUR))).toMatchObject({ written: 7, failed: 2 })
    })

    it("env=all gives orders per environment and counts rows without an environment; env=live overrides the active one", async () => {
      await seed()
      const all = await charts("?env=all")
      expect(all.env_filter).toEqual("all")
      expect(all.orders_per_day.environments).toEqual(["sandbox", "live"])
      expect(dayOf(all, today)).toEqual({ day: dayKey(today), total: 3, by_environment: { sandbox: 2, live: 1 } })
      expect(hourOf(all.push_acknowledgement.hours, twoHoursAgo)).toMatchObject({ received: 13, accepted: 6, rejected: 7, failed: 1 })
      expect(all.open_exceptions.kinds.map((kind: any) => [kind.kind, kind.total])).toEqual([
        ["unknown_sku", 3],
        ["order_import_failed", 1],
        ["push_rejected", 1],
      ])
      expect(hourOf(all.stock_writes.hours, ago(HOUR))).toMatchObject({ written: 13, failed: 3 })

      const live = await charts("?env=live")
      expect(live).toMatchObject({ active_environment: "sandbox", env_filter: "live" })
      expect(dayOf(live, today).by_environment).toEqual({ live: 1 })
    })

    it("days=30 and hours=48 widen the windows", async () => {
      await seed()
      const wide = await charts("?days=30&hours=48")
      expect(wide).toMatchObject({ days: 30, hours: 48 })
      expect(wide.orders_per_day.days).toHaveLength(30)
      expect(dayOf(wide, twentyDaysAgo).total).toEqual(1)
      expect(wide.push_acknowledgement.hours).toHaveLength(48)
      expect(hourOf(wide.push_acknowledgement.hours, thirtyHoursAgo)).toMatchObject({ received: 1, accepted: 1, success_rate: 1 })
      expect(hourOf(wide.stock_writes.hours, thirtyHoursAgo)).toMatchObject({ written: 9, failed: 0 })
    })

    it.each([
      ["days=7", "days"],
      ["days=abc", "days"],
      ["hours=12", "hours"],
      ["hours=", "hours"],
      ["env=staging", "env"],
      ["since=2026-01-01", "since"],
    ])("refuses %s with a 400 naming the parameter", async (search, parameter) => {
      const response = await api.get(`/admin/dashboard/charts?${search}`, options)
      expect(response.status).toEqual(400)
      expect(response.data.message).toContain(parameter)
    })

    it("needs an admin session", async () => {
      const response = await api.get("/admin/dashboard/charts", { validateStatus: () => true })
      expect(response.status).toEqual(401)
    })
  },
})

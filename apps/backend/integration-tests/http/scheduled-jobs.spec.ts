import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { WorkflowManager } from "@medusajs/framework/orchestration"
import type { Logger } from "@medusajs/framework/types"
import { captureLogs } from "../helpers/capture-logs"
import { waitFor } from "../helpers/wait-for"

jest.setTimeout(240 * 1000)

/** The plugin's jobs as Medusa loads them from its build: each file's `config`. */
const JOB_FILES = [
  "retry-shopee-exceptions",
  "flush-shopee-stock-marks",
  "reconcile-shopee-orders",
  "refresh-shopee-tokens",
  "resync-shopee-stock",
  "trim-shopee-push-records",
  "arrange-due-shopee-shipments",
  "poll-shopee-tracking-numbers",
  "poll-shopee-labels",
  "check-shopee-push-subscription",
  // The built job files are named at run time; the plugin's build has no type declarations to import.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
].map((file) => ({ file, config: require(`medusa-plugin-shopee/jobs/${file}`).config as { name: string; schedule: string } }))

/**
 * The one spec that runs with the jobs on (the others run with SHOPEE_JOBS=off, see setup.js):
 * every job is registered with Medusa's scheduler on its schedule, an every-minute job does its
 * work at a real tick with nobody calling it, and a job switched off does nothing and says so once.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: "ab".repeat(32), SHOPEE_JOBS: "on" },
  testSuite: ({ getContainer }) => {
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    /**
     * A refused token refresh whose retry is due now: the retry job's work. No shop holds tokens
     * here, so retrying it finds nothing left to refresh and resolves it.
     */
    const dueException = async (id: string) => {
      await sql()("connector_exception").insert({
        id,
        environment: "sandbox",
        kind: "token_refresh_failed",
        message: "The token refresh was refused",
        payload_ref: "shop:700001",
        status: "retrying",
        attempts: 1,
        next_attempt_at: new Date(Date.now() - 60_000),
      })
    }
    const exceptionRow = async (id: string) => (await sql()("connector_exception").where({ id }))[0]

    it("registers every job of the plugin with Medusa's scheduler, on its schedule", () => {
      expect(JOB_FILES.map(({ config }) => config.name)).toEqual(JOB_FILES.map(({ file }) => file))
      for (const { config } of JOB_FILES) {
        const workflow = WorkflowManager.getWorkflow(`job-${config.name}`)
        expect(workflow?.options?.schedule).toMatchObject({ cron: config.schedule })
      }
      expect(JOB_FILES.find(({ file }) => file === "reconcile-shopee-orders")?.config.schedule).toEqual("*/5 * * * *")
      expect(JOB_FILES.find(({ file }) => file === "resync-shopee-stock")?.config.schedule).toEqual("*/15 * * * *")
    })

    it("retries a due exception at the next tick of the scheduler, with nobody calling the job", async () => {
      await dueException("shexc_tick")
      // A tick comes within a minute; the wait allows for a slow machine, it asserts no time.
      const retried = await waitFor(async () => {
        const row = await exceptionRow("shexc_tick")
        return row.status === "resolved" ? row : null
      }, 150_000)
      expect(retried.resolved_at).not.toBeNull()
    })

    it("runs a switched-off job as a no-op that says so once", async () => {
      const logs = captureLogs(getContainer().resolve<Logger>(ContainerRegistrationKeys.LOGGER))
      process.env.SHOPEE_JOBS = "reconcile-shopee-orders"
      try {
        await dueException("shexc_off")
        const engine = getContainer().resolve(Modules.WORKFLOW_ENGINE) as unknown as {
          run(id: string, options: Record<string, unknown>): Promise<unknown>
        }
        // The job as the scheduler starts it: its registered workflow, twice.
        for (let tick = 0; tick < 2; tick++) {
          await engine.run("job-retry-shopee-exceptions", { input: { scheduledFor: new Date().toISOString() }, throwOnError: true })
        }
        expect(await exceptionRow("shexc_off")).toMatchObject({ attempts: 1, status: "retrying" })
        const said = logs
          .text()
          .split("\n")
          .filter((line) => line.includes("Shopee job retry-shopee-exceptions is switched off"))
        expect(said).toHaveLength(1)

        // Switched on again, the same run does the work: the no-op above was the switch.
        process.env.SHOPEE_JOBS = "retry-shopee-exceptions"
        await engine.run("job-retry-shopee-exceptions", { input: { scheduledFor: new Date().toISOString() }, throwOnError: true })
        expect(await exceptionRow("shexc_off")).toMatchObject({ status: "resolved" })
      } finally {
        process.env.SHOPEE_JOBS = "on"
        logs.restore()
      }
    })
  },
})

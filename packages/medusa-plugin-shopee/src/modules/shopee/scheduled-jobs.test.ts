import fs from "node:fs"
import path from "node:path"
import { enabledJobsOf, SHOPEE_JOB_NAMES } from "./scheduled-jobs"

describe("the jobs switch", () => {
  it("runs every job by default and for on/all/true", () => {
    for (const value of [undefined, true, "on", "ALL", " true ", ""]) {
      expect([...enabledJobsOf(value)]).toEqual([...SHOPEE_JOB_NAMES])
    }
  })

  it("runs none for off/none/false", () => {
    for (const value of [false, "off", "None", "false"]) {
      expect(enabledJobsOf(value).size).toEqual(0)
    }
  })

  it("runs only the listed jobs, from an array or a comma-separated string", () => {
    expect([...enabledJobsOf("retry-shopee-exceptions, trim-shopee-push-records")]).toEqual([
      "retry-shopee-exceptions",
      "trim-shopee-push-records",
    ])
    expect([...enabledJobsOf(["reconcile-shopee-orders"])]).toEqual(["reconcile-shopee-orders"])
    expect(enabledJobsOf([]).size).toEqual(0)
  })

  it("refuses a name that is not a job, naming it and the jobs there are", () => {
    expect(() => enabledJobsOf("retry-shopee-exceptions,retry")).toThrow(
      `medusa-plugin-shopee: jobs / SHOPEE_JOBS must be on, off or a list of job names (unknown: retry; the jobs are ${SHOPEE_JOB_NAMES.join(", ")})`
    )
  })

  it("names every job file of the plugin, each of them switchable under its own name", () => {
    const dir = path.join(__dirname, "..", "..", "jobs")
    // The job files are found at run time, so that a new one cannot be left out of the list.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jobs = fs.readdirSync(dir).map((file) => require(path.join(dir, file)))
    expect(jobs.map((job) => job.config.name).sort()).toEqual([...SHOPEE_JOB_NAMES].sort())
    for (const job of jobs) {
      expect(job.default.jobName).toEqual(job.config.name)
    }
  })
})

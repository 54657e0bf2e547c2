/** The plugin's scheduled jobs, by the name each registers with Medusa's scheduler (`config.name`). */
export const SHOPEE_JOB_NAMES = [
  "retry-shopee-exceptions",
  "flush-shopee-stock-marks",
  "reconcile-shopee-orders",
  "refresh-shopee-tokens",
  "resync-shopee-stock",
  "trim-shopee-push-records",
  "arrange-due-shopee-shipments",
  "poll-shopee-tracking-numbers",
  "poll-shopee-labels",
  "process-pending-shopee-pushes",
  "check-shopee-push-subscription",
] as const
export type ShopeeJobName = (typeof SHOPEE_JOB_NAMES)[number]

/** The environment variable the `jobs` option defaults to. */
export const JOBS_ENV = "SHOPEE_JOBS"

/**
 * The `jobs` option: `true`, "on" or "all" runs every job (the default); `false`, "off" or
 * "none" runs none; a list (an array, or names separated by commas) runs only those.
 */
export type JobsSwitch = boolean | string | string[]

const ALL = ["", "on", "all", "true"]
const NONE = ["off", "none", "false"]

/** The jobs a switch enables; a name that is not a job is refused, naming the jobs there are. */
export function enabledJobsOf(value: JobsSwitch | undefined): Set<ShopeeJobName> {
  if (value === undefined || value === true) return new Set(SHOPEE_JOB_NAMES)
  if (value === false) return new Set()
  const words = (Array.isArray(value) ? value : value.split(",")).map((word) => String(word).trim().toLowerCase())
  if (!Array.isArray(value) && words.length === 1 && ALL.includes(words[0])) return new Set(SHOPEE_JOB_NAMES)
  if (!Array.isArray(value) && words.length === 1 && NONE.includes(words[0])) return new Set()
  const names = words.filter(Boolean)
  const unknown = names.filter((name) => !(SHOPEE_JOB_NAMES as readonly string[]).includes(name))
  if (unknown.length > 0) {
    throw new Error(
      `medusa-plugin-shopee: jobs / ${JOBS_ENV} must be on, off or a list of job names (unknown: ${unknown.join(", ")}; the jobs are ${SHOPEE_JOB_NAMES.join(", ")})`
    )
  }
  return new Set(names as ShopeeJobName[])
}

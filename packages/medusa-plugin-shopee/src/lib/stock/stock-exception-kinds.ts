/**
 * The exceptions the stock writer raises for a person, by the kind stored on
 * connector_exception. Each names what went wrong with the profile (or variant) it concerns.
 */
export const STOCK_EXCEPTION_KINDS = {
  /** A plan looked like a broken read (judgePlan): nothing was written. */
  plan_refused: "stock_plan_refused",
  /** The re-read before a write found more units sold than Medusa holds. */
  oversell_suspected: "stock_oversell_suspected",
  /** Five system failures in a row: the writer stopped until a person changes its mode. */
  writer_disarmed: "stock_writer_disarmed",
  /** A run could not finish (Medusa unreadable, the re-read failed, an unexpected error). */
  run_failed: "stock_run_failed",
} as const

export type StockExceptionKind = (typeof STOCK_EXCEPTION_KINDS)[keyof typeof STOCK_EXCEPTION_KINDS]

/**
 * The sandbox's notion of "now". Time-based rules (timestamp window, code and token expiry,
 * order windows, lost-push age) read it, so tests can move time without waiting. Timers that
 * pace push retries run on real time: a compressed `pushSchedule` is how tests speed those up.
 */
export type ClockSource = () => number

export class SandboxClock {
  private offsetMs = 0

  constructor(private readonly source: ClockSource = Date.now) {}

  nowMs(): number {
    return this.source() + this.offsetMs
  }

  nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000)
  }

  /** Shifts time by `ms` on top of the injected source (the control API's clock endpoint). */
  advance(ms: number): void {
    this.offsetMs += ms
  }

  offset(): number {
    return this.offsetMs
  }
}

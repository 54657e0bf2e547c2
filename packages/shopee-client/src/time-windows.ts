/** Shopee's get_order_list accepts at most 15 days between time_from and time_to. */
export const MAX_ORDER_LIST_WINDOW_SECONDS = 15 * 24 * 60 * 60

export interface TimeWindow {
  time_from: number
  time_to: number
}

/**
 * Consecutive windows covering [from, to] (unix seconds), each at most `maxSeconds` wide.
 * Neighbouring windows share their boundary second so that nothing falls between them;
 * whoever walks them drops the order that a shared second may return twice.
 */
export function splitTimeRange(from: number, to: number, maxSeconds = MAX_ORDER_LIST_WINDOW_SECONDS): TimeWindow[] {
  if (!Number.isInteger(from) || !Number.isInteger(to)) throw new RangeError("time_from and time_to must be unix seconds")
  if (from > to) throw new RangeError(`time_from (${from}) is after time_to (${to})`)
  if (!Number.isInteger(maxSeconds) || maxSeconds < 1) throw new RangeError("window size must be a positive integer")
  const windows: TimeWindow[] = []
  let start = from
  do {
    const end = Math.min(start + maxSeconds, to)
    windows.push({ time_from: start, time_to: end })
    start = end
  } while (start < to)
  return windows
}

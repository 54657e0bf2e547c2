/** A first run looks this far back; later runs start at the stored watermark. */
export const FIRST_RUN_LOOKBACK_SECONDS = 15 * 24 * 60 * 60
/** Each run re-reads a little before the watermark: Shopee's update_time counts whole seconds. */
const OVERLAP_SECONDS = 5 * 60

export type ReconcileWindow = { time_from: number; time_to: number; backfill: boolean }

/**
 * Which update_time range a reconciliation reads. A backfill names its own range and leaves the
 * watermark alone; a scheduled run starts a little before the watermark, or looks back 15 days
 * the first time.
 */
export function planReconcileWindow(input: { watermark: number | null; now: number; from?: number; to?: number }): ReconcileWindow {
  const timeFrom = input.from ?? (input.watermark ? input.watermark - OVERLAP_SECONDS : input.now - FIRST_RUN_LOOKBACK_SECONDS)
  return { time_from: timeFrom, time_to: input.to ?? input.now, backfill: input.from !== undefined }
}

/** A lost push as the body Shopee would have pushed, so it is stored and processed like any push. */
export function lostPushBody(message: { code: number; shop_id?: number | null; timestamp: number; data: unknown }): string {
  const data = typeof message.data === "string" ? lostPushData(message.data) : message.data
  return JSON.stringify({
    data,
    ...(message.shop_id ? { shop_id: message.shop_id } : {}),
    code: message.code,
    timestamp: message.timestamp,
  })
}

function lostPushData(text: string): unknown {
  try {
    const parsed = JSON.parse(text)
    // Some samples carry the whole push as the string; keep only its data then.
    return parsed && typeof parsed === "object" && "data" in parsed && "code" in parsed ? parsed.data : parsed
  } catch {
    return text
  }
}

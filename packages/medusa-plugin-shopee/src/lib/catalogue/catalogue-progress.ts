/** Where a catalogue import stands: listing the items, reading them, or matching them to variants. */
export type CataloguePhase = "listing" | "reading" | "matching" | "done"
export type CatalogueProgress = { phase: CataloguePhase; done: number; total: number }

/** The whole run's completion in percent; reading the items is most of the work. */
export function percentDone({ phase, done, total }: CatalogueProgress): number {
  const share = total === 0 ? 1 : Math.min(1, done / total)
  const span: Record<CataloguePhase, [number, number]> = { listing: [0, 10], reading: [10, 90], matching: [90, 100], done: [100, 100] }
  const [start, end] = span[phase]
  return Math.floor(start + (end - start) * share)
}

/** One line of the CLI's progress: `reading: 350/1000 items (38%)`. */
export function progressLine(progress: CatalogueProgress): string {
  const unit = progress.phase === "matching" ? "listings" : "items"
  if (progress.phase === "done") return `done (100%)`
  return `${progress.phase}: ${progress.done}/${progress.total} ${unit} (${percentDone(progress)}%)`
}

/**
 * A run that has reported nothing for this long is taken as abandoned (its process died): a new
 * import may start. A live run reports after every batch of 50 items.
 */
export const ABANDONED_RUN_MS = 5 * 60 * 1000

export function isAbandoned(updatedAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(updatedAt) > ABANDONED_RUN_MS
}

/**
 * Values read from the database, kept only while a LISTEN on their tables is confirmed. Any
 * notification, a lost connection or a reconnect empties it; until listening is confirmed again
 * every read goes to the database. A read that was in flight when the cache was emptied is
 * answered but not kept: it may have read the row from before the change.
 */
export class NotifiedCache<V> {
  private readonly values = new Map<string, V>()
  private listening = false
  /** Bumped by every invalidation, so that a read that straddles one is not stored. */
  private generation = 0

  async get(key: string, load: () => Promise<V>): Promise<V> {
    if (this.listening && this.values.has(key)) return this.values.get(key) as V
    const startedAt = this.generation
    const value = await load()
    if (this.listening && startedAt === this.generation) this.values.set(key, value)
    return value
  }

  /** A table it caches changed. */
  invalidate(): void {
    this.generation++
    this.values.clear()
  }

  /** Whether changes are being heard; either way, what was kept may have missed one. */
  setListening(listening: boolean): void {
    this.listening = listening
    this.invalidate()
  }

  get isListening(): boolean {
    return this.listening
  }
}

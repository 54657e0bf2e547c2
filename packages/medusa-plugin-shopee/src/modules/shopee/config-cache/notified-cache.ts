/** The database read of one key in flight, and the one queued behind it for the callers that came later. */
type Reads<V> = { running?: Promise<V>; queued?: Promise<V> }

/**
 * Values read from the database, kept only while a LISTEN on their tables is confirmed. Any
 * notification, a lost connection or a reconnect empties it; until listening is confirmed again
 * every read goes to the database. A read that was in flight when the cache was emptied is
 * answered but not kept: it may have read the row from before the change.
 *
 * Callers share reads: every caller is answered by a read that began after it called (one that
 * began earlier may have missed a change committed since), so a caller arriving while a read is
 * in flight waits for the next one, shared with everyone else who arrives meanwhile. A burst of
 * pushes while the listener reconnects (PostgreSQL restarted) then costs two reads at a time,
 * not one per push.
 */
export class NotifiedCache<V> {
  private readonly values = new Map<string, V>()
  private readonly reads = new Map<string, Reads<V>>()
  private listening = false
  /** Bumped by every invalidation, so that a read that straddles one is not stored. */
  private generation = 0

  async get(key: string, load: () => Promise<V>): Promise<V> {
    if (this.listening && this.values.has(key)) return this.values.get(key) as V
    let reads = this.reads.get(key)
    if (!reads) {
      reads = {}
      this.reads.set(key, reads)
    }
    if (!reads.running) return this.read(key, reads, load)
    const queue = reads
    queue.queued ??= queue.running!.then(
      () => this.readQueued(key, queue, load),
      () => this.readQueued(key, queue, load)
    )
    return queue.queued
  }

  private readQueued(key: string, reads: Reads<V>, load: () => Promise<V>): Promise<V> {
    reads.queued = undefined
    return this.read(key, reads, load)
  }

  private read(key: string, reads: Reads<V>, load: () => Promise<V>): Promise<V> {
    const startedAt = this.generation
    const running = load().then((value) => {
      if (this.listening && startedAt === this.generation) this.values.set(key, value)
      return value
    })
    reads.running = running
    const settle = () => {
      if (reads.running !== running) return
      reads.running = undefined
      if (!reads.queued) this.reads.delete(key)
    }
    running.then(settle, settle)
    return running
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

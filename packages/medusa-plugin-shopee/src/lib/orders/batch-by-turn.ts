/**
 * Gathers requests that arrive while earlier ones are being handled into batches, as a database
 * groups commits: a request that finds a free turn starts a batch at once (no added wait when
 * idle), and those that arrive while `maxRunning` batches are running wait and go together in
 * the next one, up to `maxBatch`. Requests of one group (e.g. one environment) share a batch;
 * two with the same key never do (the later waits for a following batch), since a batch handles
 * each key once. Each caller gets its own request's answer, or the batch's failure.
 */
export type BatchByTurn<Request, Answer> = (request: Request) => Promise<Answer>

type Waiting<Request, Answer> = { request: Request; resolve: (answer: Answer) => void; reject: (error: unknown) => void }

export function batchByTurn<Request, Answer>(options: {
  maxBatch: number
  maxRunning: number
  groupOf: (request: Request) => string
  keyOf: (request: Request) => string
  /** Handles one batch; answers each request by its position. */
  run: (batch: Request[]) => Promise<Answer[]>
}): BatchByTurn<Request, Answer> {
  const { maxBatch, maxRunning, groupOf, keyOf, run } = options
  if (maxBatch < 1 || maxRunning < 1) throw new Error("batchByTurn needs maxBatch and maxRunning of 1 or more")
  const queues = new Map<string, Waiting<Request, Answer>[]>()
  const running = new Map<string, number>()

  const startNext = (group: string) => {
    const queue = queues.get(group) ?? []
    if (queue.length === 0 || (running.get(group) ?? 0) >= maxRunning) return
    const batch: Waiting<Request, Answer>[] = []
    const keys = new Set<string>()
    for (let index = 0; index < queue.length && batch.length < maxBatch;) {
      const key = keyOf(queue[index].request)
      if (keys.has(key)) {
        index += 1
        continue
      }
      keys.add(key)
      batch.push(...queue.splice(index, 1))
    }
    if (queue.length === 0) queues.delete(group)
    running.set(group, (running.get(group) ?? 0) + 1)
    void run(batch.map((waiting) => waiting.request))
      .then(
        (answers) => batch.forEach((waiting, index) => waiting.resolve(answers[index])),
        (error: unknown) => batch.forEach((waiting) => waiting.reject(error))
      )
      .finally(() => {
        const left = (running.get(group) ?? 1) - 1
        if (left === 0) running.delete(group)
        else running.set(group, left)
        startNext(group)
      })
  }

  return (request) =>
    new Promise<Answer>((resolve, reject) => {
      const group = groupOf(request)
      const queue = queues.get(group) ?? []
      queue.push({ request, resolve, reject })
      queues.set(group, queue)
      startNext(group)
    })
}

/**
 * Runs `task` on every item with at most `limit` under way at once, and reports each item as it
 * settles. A task's rejection is the caller's to record in `task`: one failing item does not stop
 * the others.
 */
export async function runBounded<Item, Result>(
  items: readonly Item[],
  limit: number,
  task: (item: Item) => Promise<Result>,
  onSettled: (item: Item, result: Result) => void
): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]
      onSettled(item, await task(item))
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
}

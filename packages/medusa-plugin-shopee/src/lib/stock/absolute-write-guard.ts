/**
 * The value actually sent to Shopee for one model, decided just before the write.
 *
 * The race. update_stock sets an absolute value. Shopee takes a unit the moment a buyer orders;
 * Medusa counts it only once the order is imported. Writing Medusa's figure while such an order
 * is still on its way gives the sold unit back, and Shopee can sell it a second time.
 *
 * The rule. The writer keeps, per model, an anchor: Shopee's stock when it last wrote (or last
 * re-read) the model, the pending sales counted then, and the total of the units Medusa has
 * imported from Shopee orders of the variant, cancelled orders included: Shopee gives a cancelled
 * order's unit back itself, so the cancellation moves Shopee's stock and Medusa's available
 * alike and is no sale either side must learn of. Before writing, it re-reads the model and decides:
 *
 *   pending = max(0, anchor.pending + (anchor.shopee_stock − shopee_now)
 *                                  − (imported_total_now − anchor.imported_total))
 *   value   = max(promotion_reserved, 0, available − buffer − pending)
 *   Decrease only: value = min(value, shopee_now).   Nothing is sent when value = shopee_now.
 *   Oversell suspected when available − pending < 0.
 *
 * Why it is safe. Let U be the units Shopee sold that Medusa has not imported. Medusa's
 * available counts every imported order, so what is really left is available − U, and any write
 * above available − U − buffer gives a sold unit back. Since the anchor, Shopee's stock moved by
 * its own orders only, so anchor.shopee_stock − shopee_now is the Shopee sales since then; add
 * those pending at the anchor, take away those imported since: that is U. So the value is what
 * is really left. The brief's first idea, max(0, last_written − shopee_now − imported_since),
 * forgets sales still pending at the last write. Written 5; a Shopee buyer takes 1 (push held,
 * Shopee 4) and the store sells 1 (Medusa 4): run 1 counts 5 − 4 = 1 pending and writes 3. The
 * store sells another (Medusa 3): run 2 sees Shopee 3 = last written, so that formula writes 3
 * and gives the held unit back; carrying pending = 1 writes 2, what is really left.
 *
 * Examples. Two copies, both on Shopee. A Shopee buyer takes one (push held) while the store
 * sells the other: available 1, Shopee 1, pending 1, value 0, never 1. Both sell the very last
 * copy: available 0, Shopee 0, pending 1, available − pending = −1: oversell suspected, Shopee
 * stays at 0 and the caller raises an exception. A person raises Shopee by hand from 5 to 8:
 * the difference is −3, pending counts 0; Medusa stays the truth: Mirror writes Medusa's value
 * over the edit, Decrease only lowers to it and leaves a hand edit below it alone.
 *
 * Where it is not exact, it errs low (a unit held back, never a unit given back), except in
 * two narrow cases. A sale between the re-read and Shopee applying the write is overwritten:
 * an absolute API cannot close that window; the import of that order finds the oversell. A hand
 * raise in the same window as an unimported sale hides that sale until it is imported. Between
 * a Shopee cancellation and its import, Shopee shows the returned unit before Medusa's available
 * does: Mirror may take it back from Shopee for that while (low, never a unit given back).
 *
 * Reads must be taken in this order: the imported total, then Medusa's available, then Shopee.
 * An import landing between two reads is then counted twice (low, corrected at the next run),
 * never missed.
 */

export type WriteAnchor = {
  /** Shopee's stock right after the last write, or at the last re-read without a write. */
  shopee_stock: number
  /** Pending Shopee sales counted at that moment. */
  pending: number
  /** The variant's running total of units imported from Shopee orders at that moment. */
  imported_total: number
}

export type AbsoluteWriteInput = {
  mode: "decrease_only" | "mirror"
  /** Medusa's available quantity over the Shopee channel's locations, before the buffer. */
  available: number
  buffer: number
  /** From the re-read: Shopee's seller stock and its promotion reserve. */
  shopee_now: number
  promotion_reserved: number
  /** null before the first write of this model: nothing is known to be pending. */
  anchor: WriteAnchor | null
  imported_total_now: number
}

export type AbsoluteWriteDecision = {
  /** The value to send, or null when Shopee already shows it. */
  write: number | null
  pending_shopee_sales: number
  pending_counted: boolean
  oversell_suspected: boolean
  /** Shopee higher than the anchor explains: a hand edit or a cancellation not yet imported. */
  shopee_above_expected: boolean
  /** Store after a successful write. */
  anchor_if_written: WriteAnchor | null
  /** Store when nothing was sent or the write failed. */
  anchor_if_not_written: WriteAnchor
  reason: string
}

export type PendingShopeeSales = {
  /** Units sold on Shopee that Medusa has not imported yet. */
  pending: number
  /** Before the clamp: negative when Shopee is higher than the anchor explains. */
  unexplained: number
}

/**
 * The guard's count of Shopee sales not yet imported, from the anchor and the reads taken in
 * the guard's order. The plan uses it too: a model whose Shopee stock already equals Medusa's
 * figure may still have to go lower, because Medusa's figure does not know those sales yet.
 */
export function pendingShopeeSales(input: Pick<AbsoluteWriteInput, "anchor" | "shopee_now" | "imported_total_now">): PendingShopeeSales {
  const anchor = input.anchor
  const unexplained = anchor
    ? anchor.pending + (anchor.shopee_stock - input.shopee_now) - (input.imported_total_now - anchor.imported_total)
    : 0
  return { pending: Math.max(0, unexplained), unexplained }
}

export function guardAbsoluteWrite(input: AbsoluteWriteInput): AbsoluteWriteDecision {
  const { pending, unexplained } = pendingShopeeSales(input)
  const reallyLeft = input.available - pending
  let value = Math.max(input.promotion_reserved, 0, reallyLeft - Math.max(0, input.buffer))
  if (input.mode === "decrease_only") value = Math.min(value, input.shopee_now)
  const write = value === input.shopee_now ? null : value
  const anchorWith = (shopee_stock: number): WriteAnchor => ({ shopee_stock, pending, imported_total: input.imported_total_now })
  const oversell = reallyLeft < 0
  return {
    write,
    pending_shopee_sales: pending,
    pending_counted: pending > 0,
    oversell_suspected: oversell,
    shopee_above_expected: unexplained < 0,
    anchor_if_written: write === null ? null : anchorWith(write),
    anchor_if_not_written: anchorWith(input.shopee_now),
    reason: [
      write === null ? `Shopee already shows ${value}` : `${input.shopee_now} to ${write}`,
      pending > 0 ? `${pending} sold on Shopee not yet imported` : null,
      oversell ? `oversold by ${-reallyLeft}` : null,
    ]
      .filter(Boolean)
      .join("; "),
  }
}

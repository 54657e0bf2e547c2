/**
 * What an import does when the sync row has no Medusa order yet, from what it finds in Medusa.
 * An earlier attempt may have died at any point (a crash, a killed worker, a lost lock): its
 * order may be placed but not linked or recorded, or still a draft. A placed order is adopted,
 * never made again; a draft was never placed (its reservations and placing come last in one
 * workflow) and is discarded before anything else happens.
 */

/** A Medusa order carrying this Shopee order's reference in its metadata. */
export type FoundOrder = {
  id: string
  /** False while it is still the draft an attempt made before placing it. */
  placed: boolean
  /** The import claim the attempt that made it wrote into its metadata. */
  claim: string | null
  /** Whether the link to the sync row exists. */
  linked: boolean
  /** What the stock could not cover when it was placed, kept in its metadata. */
  oversold: string | null
}

export type OrderCreationPlan =
  | { step: "adopt"; order: FoundOrder; link: boolean; discard: string[] }
  | { step: "create"; discard: string[] }
  | { step: "skip"; discard: string[] }

/**
 * `claim` is the sync row's current claim (null before the first attempt). `cancelledOnShopee`:
 * Shopee cancelled the order; with nothing placed there is nothing to import. When more than one
 * order was placed (only ever by attempts that ran without the lock), the one the row's claim names
 * is adopted, else the first; the others are left for a person, not deleted.
 */
export function planOrderCreation(input: { claim: string | null; cancelledOnShopee: boolean; found: FoundOrder[] }): OrderCreationPlan {
  const discard = input.found.filter((order) => !order.placed).map((order) => order.id)
  const placed = input.found.filter((order) => order.placed)
  const adopted = placed.find((order) => input.claim !== null && order.claim === input.claim) ?? placed[0]
  if (adopted) return { step: "adopt", order: adopted, link: !adopted.linked, discard }
  if (input.cancelledOnShopee) return { step: "skip", discard }
  return { step: "create", discard }
}

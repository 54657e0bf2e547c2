/** A live (not cancelled) Medusa fulfilment of the order, with its labels. */
export type LiveFulfilment = { id: string; labels: { id: string; tracking_number: string }[] }

/** The fulfilment the arrangement goes on: the one it recorded, else the order's first live one; null: create one. */
export function fulfilmentToUse(live: LiveFulfilment[], recordedId: string | null): LiveFulfilment | null {
  return live.find((f) => f.id === recordedId) ?? live[0] ?? null
}

export type LabelUpdate = ({ id: string } | { tracking_number: string; tracking_url: string; label_url: string })[]

/**
 * The labels to set on a fulfilment so that it carries Shopee's tracking number: the existing
 * labels kept, one added. Null when there is no number yet or a label already carries it, so a
 * repeated push or poll changes nothing.
 */
export function labelsWithTracking(fulfilment: LiveFulfilment, trackingNumber: string | null): LabelUpdate | null {
  if (!trackingNumber) return null
  if (fulfilment.labels.some((label) => label.tracking_number === trackingNumber)) return null
  return [...fulfilment.labels.map((label) => ({ id: label.id })), { tracking_number: trackingNumber, tracking_url: "", label_url: "" }]
}

export type ShipmentLabel = { tracking_number: string; tracking_url: string; label_url: string }

/**
 * The labels to give Medusa's create-shipment flow, which replaces the fulfilment's labels with
 * the ones it is given: the existing ones again (a tracking label an arrangement wrote, a stored
 * air waybill), and Shopee's tracking number only when no label carries it yet.
 */
export function shipmentLabels(existing: ShipmentLabel[], trackingNumber: string | null): ShipmentLabel[] {
  const kept = existing.map(({ tracking_number, tracking_url, label_url }) => ({ tracking_number, tracking_url, label_url }))
  if (!trackingNumber || kept.some((label) => label.tracking_number === trackingNumber)) return kept
  return [...kept, { tracking_number: trackingNumber, tracking_url: "", label_url: "" }]
}

import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { ShopeeShop } from "@shopee-medusa/shopee-client"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"
import type { LabelState } from "../../modules/shopee/models/shopee-order-sync"
import { resolveShopee } from "../shopee-module"
import { lockFor } from "../with-lock"
import {
  creationFailure,
  labelView,
  planDocumentType,
  planLabelProgress,
  planLabelRequest,
  type LabelRow,
  type LabelView,
} from "./shipping-label-plan"

export type LabelInput = { environment: ShopeeEnvironment; order_sn: string }

export type LabelOutcome =
  { outcome: "refused"; reason: string } | { outcome: "not_imported"; reason: string } | { outcome: "label"; label: LabelView }

type LabelFields = {
  label_state?: LabelState
  label_document_type?: string | null
  label_reason?: string | null
  label_file_id?: string | null
  label_file_url?: string | null
  label_requested_at?: Date | null
  label_ready_at?: Date | null
}

const orderKey = (input: LabelInput) => `shopee-order:${input.environment}:${input.order_sn}`

/**
 * Asks Shopee for the order's label, under the order's lock: the document type it suggests,
 * create_shipping_document, then its result at once, so that a label Shopee makes straight away is
 * stored in the same call. A label requested or ready already is not created again (its result is
 * read again while it is requested); a failed one is asked again. Refused (409) when Shopee would
 * not print it: not arranged, no tracking number yet, cancelled, picked up.
 */
export async function requestShippingLabel(container: MedusaContainer, input: LabelInput): Promise<LabelOutcome> {
  return lockFor(container)(orderKey(input), async () => {
    const row = await syncRow(container, input)
    if (!row) return { outcome: "not_imported", reason: `Shopee order ${input.order_sn} is not known to the connector` }
    const plan = planLabelRequest(row)
    if (plan.act === "refuse") return { outcome: "refused", reason: plan.reason }
    if (plan.act === "keep") return { outcome: "label", label: labelView(await followUp(container, input, row)) }
    const { shop } = await resolveShopee(container).getShopApi(input.environment, lockFor(container))
    const [parameter] = await shop.logistics.getShippingDocumentParameter([{ order_sn: row.order_sn }])
    const type = planDocumentType(parameter)
    if ("fail" in type) return { outcome: "label", label: labelView(await fail(container, input, row, type.fail)) }
    const [created] = await shop.logistics.createShippingDocument([
      { order_sn: row.order_sn, tracking_number: row.tracking_number!, shipping_document_type: type.type },
    ])
    const refused = creationFailure(created)
    if (refused) return { outcome: "label", label: labelView(await fail(container, input, row, refused)) }
    const requested = await record(container, row, {
      label_state: "requested",
      label_document_type: type.type,
      label_reason: null,
      label_file_id: null,
      label_file_url: null,
      label_requested_at: new Date(),
      label_ready_at: null,
    })
    return { outcome: "label", label: labelView(await progress(container, input, requested, shop)) }
  })
}

/**
 * A requested label's next step, under the order's lock: push 15 said the document changed, or a
 * poll asks. READY is downloaded and stored at once; FAILED fails the label with an exception.
 * Anything but a requested label is left as it is (a repeated push changes nothing).
 */
export async function advanceShippingLabel(container: MedusaContainer, input: LabelInput): Promise<LabelView | null> {
  return lockFor(container)(orderKey(input), async () => {
    const row = await syncRow(container, input)
    if (!row) return null
    return labelView(await followUp(container, input, row))
  })
}

/** Labels one poll follows at most, the longest waiting first. */
export const LABELS_PER_POLL = 50

/**
 * The labels still requested, followed as push 15 would (for a push that was lost or never
 * sent). One label's failure to reach Shopee is logged and does not stop the others.
 */
export async function pollRequestedLabels(container: MedusaContainer): Promise<{ followed: number; ready: number }> {
  const rows = (await resolveShopee(container).listShopeeOrderSyncs(
    { label_state: "requested" },
    { take: LABELS_PER_POLL, order: { label_requested_at: "ASC" } }
  )) as (LabelRow & { environment: ShopeeEnvironment })[]
  let ready = 0
  for (const row of rows) {
    try {
      const label = await advanceShippingLabel(container, { environment: row.environment, order_sn: row.order_sn })
      if (label?.state === "ready") ready += 1
    } catch (error) {
      container
        .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
        .warn(`Following the label of Shopee order ${row.order_sn} failed: ${(error as Error).message}`)
    }
  }
  return { followed: rows.length, ready }
}

/** The order's label file from the File module, as stored when it became ready. */
export async function storedLabelFile(container: MedusaContainer, fileId: string): Promise<Buffer> {
  return container.resolve(Modules.FILE).getAsBuffer(fileId)
}

async function followUp(container: MedusaContainer, input: LabelInput, row: LabelRow): Promise<LabelRow> {
  if (row.label_state !== "requested") return row
  const { shop } = await resolveShopee(container).getShopApi(input.environment, lockFor(container))
  return progress(container, input, row, shop)
}

async function progress(container: MedusaContainer, input: LabelInput, row: LabelRow, shop: ShopeeShop): Promise<LabelRow> {
  const [result] = await shop.logistics.getShippingDocumentResult([
    { order_sn: row.order_sn, shipping_document_type: row.label_document_type ?? undefined },
  ])
  const next = planLabelProgress(result)
  if (next.act === "wait") return row
  if (next.act === "fail") return fail(container, input, row, next.reason)
  const file = await shop.logistics.downloadShippingDocument({
    shipping_document_type: row.label_document_type ?? undefined,
    order_list: [{ order_sn: row.order_sn }],
  })
  const [stored] = await container.resolve(Modules.FILE).createFiles([
    {
      filename: `shopee-label-${row.order_sn}.pdf`,
      mimeType: file.content_type,
      content: Buffer.from(file.bytes).toString("base64"),
      access: "private",
    },
  ])
  const ready = await record(container, row, {
    label_state: "ready",
    label_reason: null,
    label_file_id: stored.id,
    label_file_url: stored.url,
    label_ready_at: new Date(),
  })
  await resolveShopee(container).settleExceptions({ environment: input.environment, payload_ref: row.order_sn, kinds: ["label_failed"] })
  return ready
}

/** A failed label: the reason on the sync row, and an exception whose retry asks for the label again. */
async function fail(container: MedusaContainer, input: LabelInput, row: LabelRow, reason: string): Promise<LabelRow> {
  const failed = await record(container, row, { label_state: "failed", label_reason: reason })
  await resolveShopee(container).raiseException({
    environment: input.environment,
    kind: "label_failed",
    message: `The label of Shopee order ${row.order_sn} failed: ${reason}`,
    payload_ref: row.order_sn,
  })
  return failed
}

async function syncRow(container: MedusaContainer, input: LabelInput): Promise<LabelRow | undefined> {
  const [row] = await resolveShopee(container).listShopeeOrderSyncs({ environment: input.environment, order_sn: input.order_sn })
  return row as LabelRow | undefined
}

async function record(container: MedusaContainer, row: LabelRow, fields: LabelFields): Promise<LabelRow> {
  await resolveShopee(container).updateShopeeOrderSyncs({ id: row.id, ...fields })
  return { ...row, ...fields } as LabelRow
}

import type { GetShippingParameterResponse } from "@shopee-medusa/shopee-client"
import type { ShipAnswer } from "./arrange-outcome"
import type { LabelState } from "./fulfilment-status"
import { sdk } from "./sdk"

export type ShippingParameterAnswer = {
  order_sn: string
  shipment_state: string | null
  shipping_parameter: GetShippingParameterResponse
}

export type LabelAnswer = { label: LabelState }

const orderPath = (id: string) => `/admin/shopee/orders/${encodeURIComponent(id)}`

/** The backend's address as the admin's SDK uses it, for what opens in a tab rather than through the SDK. */
const backendUrl = (path: string) => `${(__BACKEND_URL__ ?? "").replace(/\/$/, "")}${path}`

/**
 * Arranging a Shopee order's shipment and its label (`id` is the order's sync row). A tab the
 * admin opens carries the session cookie, the admin's default authentication; an admin configured
 * for JWT would need the file fetched through the SDK instead.
 */
export const fulfilmentApi = {
  shippingParameter: (id: string) => sdk.client.fetch<ShippingParameterAnswer>(`${orderPath(id)}/shipping-parameter`),

  ship: (id: string, body: Record<string, string | number>) =>
    sdk.client.fetch<ShipAnswer>(`${orderPath(id)}/ship`, { method: "POST", body }),

  label: (id: string) => sdk.client.fetch<LabelAnswer>(`${orderPath(id)}/label`),

  requestLabel: (id: string) => sdk.client.fetch<LabelAnswer>(`${orderPath(id)}/label`, { method: "POST" }),

  labelFileUrl: (id: string) => backendUrl(`${orderPath(id)}/label/file`),

  /** The labels of several orders in one PDF, as a blob for a tab to show. */
  async labelsFile(ids: string[]): Promise<Blob> {
    const response = await fetch(backendUrl("/admin/shopee/orders/labels"), {
      method: "POST",
      credentials: "include",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ids }),
    })
    if (!response.ok) {
      const answer = (await response.json().catch(() => null)) as { message?: string } | null
      throw new Error(answer?.message || `The labels could not be printed (${response.status}).`)
    }
    return response.blob()
  },
}

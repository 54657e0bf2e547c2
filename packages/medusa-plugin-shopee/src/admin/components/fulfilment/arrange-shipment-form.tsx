import { Button, Input, Label, Text, toast } from "@medusajs/ui"
import type { GetShippingParameterResponse } from "@shopee-medusa/shopee-client"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useId, useState } from "react"
import { fulfilmentApi } from "../../lib/fulfilment-api"
import { shopeeKeys } from "../../lib/query-keys"
import { errorMessage } from "../../lib/sdk"
import {
  branchLabel,
  initialChoices,
  needsBranch,
  offeredModes,
  pickupAddresses,
  recommendedSlotId,
  shipBody,
  SHIPPING_MODE_LABELS,
  slotLabel,
  type ShippingChoices,
  type ShippingMode,
} from "../../lib/shipping-choices"
import { ChoiceSelect } from "./choice-select"

const TEXTS = {
  title: "Arrange shipment",
  loading: "Asking Shopee how this order can ship…",
  loadFailed: "Shopee's shipping options could not be read",
  retry: "Retry",
  noMode: "Shopee offers no way to ship this order now.",
  mode: "Mode",
  address: "Pickup address",
  slot: "Pickup time",
  noSlot: "No pickup time offered: Shopee picks one, or the arrangement is retried later.",
  branch: "Drop-off branch",
  tracking: "Tracking number",
  trackingPlaceholder: "The carrier's tracking number",
  submit: "Arrange shipment",
  arranged: "Shipment arranged",
  deferred: "Retry later",
  failed: "Shipment not arranged",
}

/**
 * Arranges a Shopee order's shipment from its widget (`id` is the sync row): reads what Shopee
 * offers for the order and asks only for that (pickup: address and time slot, the recommended
 * one preselected; drop-off: the branch where Shopee needs one; non-integrated: the tracking
 * number), then calls the ship route, whose answer the toast and the widget's row show.
 */
export const ArrangeShipmentForm = ({ id }: { id: string }) => {
  const parameter = useQuery({
    queryKey: shopeeKeys.shippingParameter(id),
    queryFn: () => fulfilmentApi.shippingParameter(id),
    retry: false,
  })
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="arrange-shipment">
      <Text size="small" weight="plus">
        {TEXTS.title}
      </Text>
      {parameter.isPending ? (
        <Text size="small" className="text-ui-fg-subtle" role="status">
          {TEXTS.loading}
        </Text>
      ) : parameter.isError ? (
        <div className="flex flex-col items-start gap-y-2" data-testid="arrange-shipment-error">
          <Text size="small" className="text-ui-fg-error">
            {TEXTS.loadFailed}: {errorMessage(parameter.error)}
          </Text>
          <Button size="small" variant="secondary" onClick={() => parameter.refetch()}>
            {TEXTS.retry}
          </Button>
        </div>
      ) : (
        <ShippingChoicesForm id={id} parameter={parameter.data.shipping_parameter} />
      )}
    </div>
  )
}

const ShippingChoicesForm = ({ id, parameter }: { id: string; parameter: GetShippingParameterResponse }) => {
  const modes = offeredModes(parameter)
  const [choices, setChoices] = useState<ShippingChoices | undefined>(() => (modes[0] ? initialChoices(parameter, modes[0]) : undefined))
  const trackingId = useId()
  const queryClient = useQueryClient()
  const ship = useMutation({
    mutationFn: (body: Record<string, string | number>) => fulfilmentApi.ship(id, body),
    onSuccess: ({ shipment }) => {
      if (shipment.outcome === "deferred") toast.warning(TEXTS.deferred, { description: shipment.reason })
      else toast.success(TEXTS.arranged, { description: shipment.tracking_number ?? undefined })
    },
    onError: (error) => toast.error(TEXTS.failed, { description: errorMessage(error) }),
    // A refusal is recorded on the sync row too: the widget reads it again either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: shopeeKeys.all }),
  })

  if (!choices) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        {TEXTS.noMode}
      </Text>
    )
  }
  const addresses = pickupAddresses(parameter)
  const address = addresses.find((candidate) => candidate.address_id === choices.address_id)
  const slots = address?.time_slot_list ?? []
  const branches = parameter.dropoff?.branch_list ?? []
  const incomplete = choices.mode === "non_integrated" && !choices.tracking_number?.trim()

  return (
    <form
      className="flex flex-col gap-y-3"
      onSubmit={(event) => {
        event.preventDefault()
        if (!incomplete) ship.mutate(shipBody(choices))
      }}
    >
      {modes.length > 1 && (
        <ChoiceSelect
          label={TEXTS.mode}
          value={choices.mode}
          choices={modes.map((mode) => ({ value: mode, label: SHIPPING_MODE_LABELS[mode] }))}
          onChange={(mode) => setChoices(initialChoices(parameter, mode as ShippingMode))}
        />
      )}
      {modes.length === 1 && (
        <Text size="small" data-testid="arrange-shipment-mode">
          {TEXTS.mode}: {SHIPPING_MODE_LABELS[choices.mode]}
        </Text>
      )}
      {choices.mode === "pickup" && addresses.length > 0 && (
        <>
          <ChoiceSelect
            label={TEXTS.address}
            value={choices.address_id === undefined ? undefined : String(choices.address_id)}
            choices={addresses.map((candidate) => ({
              value: String(candidate.address_id),
              label: [candidate.address, candidate.city, candidate.zipcode].filter(Boolean).join(", "),
            }))}
            onChange={(value) => {
              const next = addresses.find((candidate) => String(candidate.address_id) === value)
              setChoices({ mode: "pickup", address_id: next?.address_id, pickup_time_id: recommendedSlotId(next) })
            }}
          />
          {slots.length > 0 ? (
            <ChoiceSelect
              label={TEXTS.slot}
              value={choices.pickup_time_id}
              choices={slots.map((slot) => ({ value: slot.pickup_time_id, label: slotLabel(slot) }))}
              onChange={(pickup_time_id) => setChoices({ ...choices, pickup_time_id })}
            />
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              {TEXTS.noSlot}
            </Text>
          )}
        </>
      )}
      {choices.mode === "dropoff" && needsBranch(parameter) && branches.length > 0 && (
        <ChoiceSelect
          label={TEXTS.branch}
          value={choices.branch_id === undefined ? undefined : String(choices.branch_id)}
          choices={branches.map((branch) => ({ value: String(branch.branch_id), label: branchLabel(branch) }))}
          onChange={(value) => setChoices({ mode: "dropoff", branch_id: Number(value) })}
        />
      )}
      {choices.mode === "non_integrated" && (
        <div className="flex flex-col gap-y-1">
          <Label htmlFor={trackingId} size="xsmall" weight="plus" className="text-ui-fg-subtle">
            {TEXTS.tracking}
          </Label>
          <Input
            id={trackingId}
            size="small"
            value={choices.tracking_number ?? ""}
            placeholder={TEXTS.trackingPlaceholder}
            onChange={(event) => setChoices({ mode: "non_integrated", tracking_number: event.target.value })}
          />
        </div>
      )}
      <div>
        <Button type="submit" size="small" disabled={incomplete} isLoading={ship.isPending}>
          {TEXTS.submit}
        </Button>
      </div>
    </form>
  )
}

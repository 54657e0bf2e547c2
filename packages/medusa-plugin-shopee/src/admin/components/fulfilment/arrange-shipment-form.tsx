import { Button, Input, Label, Text, toast } from "@medusajs/ui"
import type { GetShippingParameterResponse } from "@shopee-medusa/shopee-client"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useId, useState } from "react"
import { fulfilmentApi } from "../../lib/fulfilment-api"
import { shopeeKeys } from "../../lib/query-keys"
import { useLocaleFormat } from "../../lib/use-locale-format"
import { errorMessage } from "../../lib/sdk"
import {
  branchLabel,
  initialChoices,
  needsBranch,
  offeredModes,
  pickupAddresses,
  recommendedSlotId,
  shipBody,
  shippingModeLabelKey,
  slotLabel,
  type ShippingChoices,
  type ShippingMode,
} from "../../lib/shipping-choices"
import { ChoiceSelect } from "./choice-select"
import { useTranslation } from "react-i18next"

/**
 * Arranges a Shopee order's shipment from its widget (`id` is the sync row): reads what Shopee
 * offers for the order and asks only for that (pickup: address and time slot, the recommended
 * one preselected; drop-off: the branch where Shopee needs one; non-integrated: the tracking
 * number), then calls the ship route, whose answer the toast and the widget's row show.
 */
export const ArrangeShipmentForm = ({ id }: { id: string }) => {
  const { t } = useTranslation()
  const parameter = useQuery({
    queryKey: shopeeKeys.shippingParameter(id),
    queryFn: () => fulfilmentApi.shippingParameter(id),
    retry: false,
  })
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="arrange-shipment">
      <Text size="small" weight="plus">
        {t("shopee.fulfilment.arrange.title")}
      </Text>
      {parameter.isPending ? (
        <Text size="small" className="text-ui-fg-subtle" role="status">
          {t("shopee.fulfilment.arrange.loading")}
        </Text>
      ) : parameter.isError ? (
        <div className="flex flex-col items-start gap-y-2" data-testid="arrange-shipment-error">
          <Text size="small" className="text-ui-fg-error">
            {t("shopee.fulfilment.arrange.loadFailed")}: {errorMessage(parameter.error)}
          </Text>
          <Button size="small" variant="secondary" onClick={() => parameter.refetch()}>
            {t("shopee.common.retry")}
          </Button>
        </div>
      ) : (
        <ShippingChoicesForm id={id} parameter={parameter.data.shipping_parameter} />
      )}
    </div>
  )
}

const ShippingChoicesForm = ({ id, parameter }: { id: string; parameter: GetShippingParameterResponse }) => {
  const { t } = useTranslation()
  const { locale } = useLocaleFormat()
  const modes = offeredModes(parameter)
  const [choices, setChoices] = useState<ShippingChoices | undefined>(() => (modes[0] ? initialChoices(parameter, modes[0]) : undefined))
  const trackingId = useId()
  const queryClient = useQueryClient()
  const ship = useMutation({
    mutationFn: (body: Record<string, string | number>) => fulfilmentApi.ship(id, body),
    onSuccess: ({ shipment }) => {
      if (shipment.outcome === "deferred") toast.warning(t("shopee.fulfilment.arrange.deferred"), { description: shipment.reason })
      else toast.success(t("shopee.fulfilment.arrange.arranged"), { description: shipment.tracking_number ?? undefined })
    },
    onError: (error) => toast.error(t("shopee.fulfilment.arrange.failed"), { description: errorMessage(error) }),
    // A refusal is recorded on the sync row too: the widget reads it again either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: shopeeKeys.all }),
  })

  if (!choices) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        {t("shopee.fulfilment.arrange.noMode")}
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
          label={t("shopee.fulfilment.arrange.mode")}
          value={choices.mode}
          choices={modes.map((mode) => ({ value: mode, label: t(shippingModeLabelKey(mode)) }))}
          onChange={(mode) => setChoices(initialChoices(parameter, mode as ShippingMode))}
        />
      )}
      {modes.length === 1 && (
        <Text size="small" data-testid="arrange-shipment-mode">
          {t("shopee.fulfilment.arrange.mode")}: {t(shippingModeLabelKey(choices.mode))}
        </Text>
      )}
      {choices.mode === "pickup" && addresses.length > 0 && (
        <>
          <ChoiceSelect
            label={t("shopee.fulfilment.arrange.address")}
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
              label={t("shopee.fulfilment.arrange.slot")}
              value={choices.pickup_time_id}
              choices={slots.map((slot) => ({ value: slot.pickup_time_id, label: slotLabel(slot, locale) }))}
              onChange={(pickup_time_id) => setChoices({ ...choices, pickup_time_id })}
            />
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              {t("shopee.fulfilment.arrange.noSlot")}
            </Text>
          )}
        </>
      )}
      {choices.mode === "dropoff" && needsBranch(parameter) && branches.length > 0 && (
        <ChoiceSelect
          label={t("shopee.fulfilment.arrange.branch")}
          value={choices.branch_id === undefined ? undefined : String(choices.branch_id)}
          choices={branches.map((branch) => ({ value: String(branch.branch_id), label: branchLabel(branch) }))}
          onChange={(value) => setChoices({ mode: "dropoff", branch_id: Number(value) })}
        />
      )}
      {choices.mode === "non_integrated" && (
        <div className="flex flex-col gap-y-1">
          <Label htmlFor={trackingId} size="xsmall" weight="plus" className="text-ui-fg-subtle">
            {t("shopee.fulfilment.arrange.tracking")}
          </Label>
          <Input
            id={trackingId}
            size="small"
            value={choices.tracking_number ?? ""}
            placeholder={t("shopee.fulfilment.arrange.trackingPlaceholder")}
            onChange={(event) => setChoices({ mode: "non_integrated", tracking_number: event.target.value })}
          />
        </div>
      )}
      <div>
        <Button type="submit" size="small" disabled={incomplete} isLoading={ship.isPending}>
          {t("shopee.fulfilment.arrange.submit")}
        </Button>
      </div>
    </form>
  )
}

import { Button, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { fulfilmentApi } from "../../lib/fulfilment-api"
import type { LabelState } from "../../lib/fulfilment-status"
import { shopeeKeys } from "../../lib/query-keys"
import { errorMessage } from "../../lib/sdk"
import { useTranslation } from "react-i18next"

/** While Shopee prepares a label, how often the widget asks whether it is ready. */
const PREPARING_POLL_MS = 2_000

const openLabel = (id: string) => window.open(fulfilmentApi.labelFileUrl(id), "_blank", "noopener")

/**
 * "Print label" on an arranged order (`id` is its sync row): a ready label opens in a new tab;
 * otherwise the label is asked for, and the state Shopee reports (preparing, ready, failed with
 * the reason) is shown until it can be opened. `initial` is the label the widget's read carried,
 * absent where that route does not answer labels.
 */
export const PrintLabel = ({ id, initial }: { id: string; initial: LabelState | null | undefined }) => {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  // The label is read on its own only once it was asked for: until then the widget's read says all there is.
  const [following, setFollowing] = useState(initial?.state === "requested")
  const asked = useQuery({
    queryKey: shopeeKeys.label(id),
    queryFn: () => fulfilmentApi.label(id),
    enabled: following,
    refetchInterval: (query) => (query.state.data?.label.state === "requested" ? PREPARING_POLL_MS : false),
  })
  const label = asked.data?.label ?? initial ?? null
  const request = useMutation({
    mutationFn: () => fulfilmentApi.requestLabel(id),
    onSuccess: (answer) => {
      queryClient.setQueryData(shopeeKeys.label(id), answer)
      setFollowing(true)
      if (answer.label.state === "ready") openLabel(id)
    },
    onError: (error) => toast.error(t("shopee.fulfilment.label.requestFailed"), { description: errorMessage(error) }),
  })
  const preparing = label?.state === "requested"

  return (
    <div className="flex flex-col items-start gap-y-2 px-6 py-4" data-testid="shipping-label">
      {preparing && (
        <Text size="small" className="text-ui-fg-subtle" role="status">
          {t("shopee.fulfilment.label.requested")}
        </Text>
      )}
      {label?.state === "ready" && (
        <Text size="small" className="text-ui-fg-subtle">
          {t("shopee.fulfilment.label.ready")}
        </Text>
      )}
      {label?.state === "failed" && (
        <Text size="small" className="text-ui-fg-error" data-testid="shipping-label-reason">
          {t("shopee.fulfilment.label.failed")}
          {label.reason ? `: ${label.reason}` : ""}
        </Text>
      )}
      <Button
        size="small"
        variant="secondary"
        isLoading={request.isPending || preparing}
        onClick={() => (label?.state === "ready" ? openLabel(id) : request.mutate())}
      >
        {t("shopee.fulfilment.label.print")}
      </Button>
    </div>
  )
}

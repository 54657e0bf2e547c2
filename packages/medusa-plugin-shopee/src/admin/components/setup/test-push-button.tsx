import { Button, StatusBadge, Text, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage } from "../../lib/sdk"
import type { ShopeeEnvironment } from "../../lib/types"
import { setupApi, setupKey, type SetupAnswer } from "./setup-api"

/**
 * Asks Shopee for a test push, then watches the guide's newest push: one stored after the click
 * shows whether it arrived and whether its signature verified. The page polls the guide while a step is open.
 */
export const TestPushButton = ({ environment, lastPush }: { environment: ShopeeEnvironment; lastPush: SetupAnswer["last_push"] }) => {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [requestedAt, setRequestedAt] = useState<string | null>(null)
  const send = useMutation({
    mutationFn: () => setupApi.testPush(environment),
    onSuccess: (answer) => {
      setRequestedAt(answer.requested_at)
      void queryClient.invalidateQueries({ queryKey: setupKey(environment) })
    },
    onError: (error) => toast.error(t("shopee.setupGuide.testPush.failed"), { description: errorMessage(error) }),
  })
  const arrived = requestedAt !== null && lastPush !== null && lastPush.received_at >= requestedAt ? lastPush : null

  return (
    <div className="flex flex-wrap items-center gap-3 pt-2">
      <Button size="small" variant="secondary" isLoading={send.isPending} onClick={() => send.mutate()} data-testid="setup-test-push">
        {t("shopee.setupGuide.testPush.button")}
      </Button>
      {requestedAt !== null &&
        (arrived ? (
          <StatusBadge
            color={arrived.signature_ok ? "green" : "red"}
            data-testid="setup-test-push-result"
            data-verified={arrived.signature_ok ? "true" : "false"}
          >
            {t(arrived.signature_ok ? "shopee.setupGuide.testPush.verified" : "shopee.setupGuide.testPush.rejected")}
          </StatusBadge>
        ) : (
          <Text size="small" className="text-ui-fg-subtle" data-testid="setup-test-push-waiting">
            {t("shopee.setupGuide.testPush.waiting")}
          </Text>
        ))}
    </div>
  )
}

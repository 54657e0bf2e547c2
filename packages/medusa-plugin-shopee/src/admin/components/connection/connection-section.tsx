import { Button, Container, Heading, Hint, StatusBadge, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { shopeeApi } from "../../lib/api"
import { shopeeKeys } from "../../lib/query-keys"
import { errorMessage } from "../../lib/sdk"
import { tokenBadge } from "../../lib/token-state"
import { ENVIRONMENT_LABELS, type ActiveEnvironmentAnswer, type CredentialsAnswer } from "../../lib/types"
import { RegistrationUrls } from "./registration-urls"
import { SetupGuideLink } from "../setup/setup-guide-link"

export const INCOMPLETE_HINT = "Save complete credentials (partner_id, partner_key, shop_id) before connecting or switching."

/**
 * The environment's link to Shopee: the shop authorization of its active profile, the switch
 * that makes it the served environment, and the URLs to register at Shopee.
 */
export const ConnectionSection = ({
  credentials,
  activeEnvironment,
}: {
  credentials: CredentialsAnswer
  activeEnvironment: ActiveEnvironmentAnswer | undefined
}) => {
  const { environment, profile } = credentials
  const label = ENVIRONMENT_LABELS[environment]
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const badge = tokenBadge(credentials.token)
  const hasToken = !!credentials.token && credentials.token.state !== "none"

  const connect = useMutation({
    mutationFn: () => shopeeApi.connect(environment),
    // Shopee's page redirects back to this page, which then shows the outcome.
    onSuccess: ({ url }) => window.location.assign(url),
    onError: (error) => toast.error("Could not start the Shopee authorization", { description: errorMessage(error) }),
  })

  const switchEnvironment = useMutation({
    mutationFn: () => shopeeApi.switchEnvironment(environment),
    onSuccess: () => toast.success(`${label} is now the active environment`),
    onError: (error) => toast.error(`Could not switch to ${label}`, { description: errorMessage(error) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: shopeeKeys.all }),
  })

  const confirmSwitch = async () => {
    const confirmed = await prompt({
      title: `Switch to ${label}?`,
      description: `This instance will take pushes, import orders and send stock with the ${label} profile "${profile.name}". Pushes sent to the other environment are then acknowledged and ignored.`,
      confirmText: `Switch to ${label}`,
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (confirmed) switchEnvironment.mutate()
  }

  // The switch is offered only when the served environment is known, differs, and is not pinned.
  const canOfferSwitch =
    !!activeEnvironment && activeEnvironment.active_environment !== environment && !activeEnvironment.pinned_environment

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-start justify-between gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">Connection</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Shop authorization of the active {label} profile “{profile.name}”.
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          {canOfferSwitch && (
            <Button
              size="small"
              variant="secondary"
              disabled={!profile.complete}
              isLoading={switchEnvironment.isPending}
              onClick={confirmSwitch}
            >
              Switch to {label}
            </Button>
          )}
          <Button
            size="small"
            variant="primary"
            disabled={!profile.complete}
            isLoading={connect.isPending}
            onClick={() => connect.mutate()}
          >
            {hasToken ? "Reconnect" : "Connect"}
          </Button>
        </div>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <div className="flex items-center gap-x-3">
          <Text size="small" weight="plus">
            Access token
          </Text>
          <StatusBadge color={badge.color} data-testid="token-state">
            {badge.label}
          </StatusBadge>
          {credentials.token?.refresh_expires_at && (
            <Text size="small" className="text-ui-fg-subtle">
              Authorization valid until {new Date(credentials.token.refresh_expires_at).toLocaleString()}
            </Text>
          )}
        </div>
        {!profile.complete && (
          <Hint variant="info" data-testid="incomplete-hint">
            {INCOMPLETE_HINT} Missing: {profile.missing.join(", ")}.
          </Hint>
        )}
      </div>
      <SetupGuideLink environment={environment} />
      <RegistrationUrls urls={credentials.urls} />
    </Container>
  )
}

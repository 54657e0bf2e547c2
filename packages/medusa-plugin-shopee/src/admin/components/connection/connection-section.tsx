import { Button, Container, Heading, Hint, StatusBadge, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { shopeeApi } from "../../lib/api"
import { shopeeKeys } from "../../lib/query-keys"
import { errorMessage } from "../../lib/sdk"
import { tokenBadge } from "../../lib/token-state"
import { translateText } from "../../lib/translate"
import { environmentLabelKey, type ActiveEnvironmentAnswer, type CredentialsAnswer } from "../../lib/types"
import { useLocaleFormat } from "../../lib/use-locale-format"
import { RegistrationUrls } from "./registration-urls"
import { SetupGuideLink } from "../setup/setup-guide-link"
import { useTranslation } from "react-i18next"

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
  const { t } = useTranslation()
  const format = useLocaleFormat()
  const label = t(environmentLabelKey(environment))
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const badge = tokenBadge(credentials.token)
  const hasToken = !!credentials.token && credentials.token.state !== "none"

  const connect = useMutation({
    mutationFn: () => shopeeApi.connect(environment),
    // Shopee's page redirects back to this page, which then shows the outcome.
    onSuccess: ({ url }) => window.location.assign(url),
    onError: (error) => toast.error(t("shopee.connection.connectError"), { description: errorMessage(error) }),
  })

  const switchEnvironment = useMutation({
    mutationFn: () => shopeeApi.switchEnvironment(environment),
    onSuccess: () => toast.success(t("shopee.connection.switched", { env: label })),
    onError: (error) => toast.error(t("shopee.connection.switchError", { env: label }), { description: errorMessage(error) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: shopeeKeys.all }),
  })

  const confirmSwitch = async () => {
    const confirmed = await prompt({
      title: t("shopee.connection.switchTitle", { env: label }),
      description: t("shopee.connection.switchDescription", { env: label, name: profile.name }),
      confirmText: t("shopee.connection.switchTo", { env: label }),
      cancelText: t("shopee.common.cancel"),
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
          <Heading level="h2">{t("shopee.nav.connection")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("shopee.connection.authorizationOf", { env: label, name: profile.name })}
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
              {t("shopee.connection.switchTo", { env: label })}
            </Button>
          )}
          <Button
            size="small"
            variant="primary"
            disabled={!profile.complete}
            isLoading={connect.isPending}
            onClick={() => connect.mutate()}
          >
            {hasToken ? t("shopee.connection.reconnect") : t("shopee.connection.connect")}
          </Button>
        </div>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <div className="flex items-center gap-x-3">
          <Text size="small" weight="plus">
            {t("shopee.connection.accessToken")}
          </Text>
          <StatusBadge color={badge.color} data-testid="token-state">
            {translateText(t, badge.label)}
          </StatusBadge>
          {credentials.token?.refresh_expires_at && (
            <Text size="small" className="text-ui-fg-subtle">
              {t("shopee.connection.validUntil", { date: format.date(credentials.token.refresh_expires_at) })}
            </Text>
          )}
        </div>
        {!profile.complete && (
          <Hint variant="info" data-testid="incomplete-hint">
            {t("shopee.connection.incomplete", { missing: profile.missing.join(", ") })}
          </Hint>
        )}
      </div>
      <SetupGuideLink environment={environment} />
      <RegistrationUrls urls={credentials.urls} />
    </Container>
  )
}

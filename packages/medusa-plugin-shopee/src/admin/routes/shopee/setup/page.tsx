import { Container, Copy, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { useSearchParams } from "react-router-dom"
import { EnvironmentTabs } from "../../../components/connection/environment-tabs"
import { RegistrationUrls } from "../../../components/connection/registration-urls"
import { ErrorSection, LoadingSection } from "../../../components/query-state"
import { ShopeePageHeader } from "../../../components/shopee-page-header"
import { setupApi, setupKey, type SetupAnswer } from "../../../components/setup/setup-api"
import { SetupStepRow } from "../../../components/setup/setup-step-row"
import { TestPushButton } from "../../../components/setup/test-push-button"
import { isShopeeEnvironment, type ShopeeEnvironment } from "../../../lib/types"

/** While a step is open the guide is read again every few seconds, so a step ticks as soon as its state is real. */
const POLL_MS = 2000

/**
 * The setup guide of one environment (`?env=live`, sandbox by default). No step is ticked by a
 * person: each is the server's reading of the store (GET /admin/shopee/setup).
 */
const ShopeeSetupPage = () => {
  const { t } = useTranslation()
  const [searchParams, setSearchParams] = useSearchParams()
  const requested = searchParams.get("env")
  const environment: ShopeeEnvironment = isShopeeEnvironment(requested) ? requested : "sandbox"
  const setup = useQuery({
    queryKey: setupKey(environment),
    queryFn: () => setupApi.steps(environment),
    refetchInterval: (query) => (query.state.data?.steps.every((step) => step.done) ? false : POLL_MS),
  })
  const openTab = (next: ShopeeEnvironment) =>
    setSearchParams(
      (current) => {
        const params = new URLSearchParams(current)
        params.set("env", next)
        return params
      },
      { replace: true }
    )

  return (
    <div className="flex flex-col gap-y-3">
      <ShopeePageHeader title={t("shopee.setupGuide.title")} description={t("shopee.setupGuide.description")}>
        <div className="px-6 py-3">
          <EnvironmentTabs value={environment} activeEnvironment={undefined} onChange={openTab} />
        </div>
      </ShopeePageHeader>
      {setup.isPending ? (
        <LoadingSection label={t("shopee.setupGuide.loading")} />
      ) : setup.isError ? (
        <ErrorSection title={t("shopee.setupGuide.loadFailed")} error={setup.error} onRetry={() => setup.refetch()} />
      ) : (
        <Steps setup={setup.data} />
      )}
    </div>
  )
}

const Steps = ({ setup }: { setup: SetupAnswer }) => {
  const { t } = useTranslation()
  const done = setup.steps.filter((step) => step.done).length
  // Shopee's redirect field takes an origin only; the callback's full path is sent with each authorization.
  const redirectOrigin = new URL(setup.urls.oauth_callback_url).origin
  return (
    <Container className="divide-y p-0" data-testid="setup-steps">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{t("shopee.setupGuide.stepsHeading")}</Heading>
        <Text size="small" className="text-ui-fg-subtle" data-testid="setup-progress">
          {t("shopee.setupGuide.progress", { done, total: setup.steps.length })}
        </Text>
      </div>
      {setup.steps.map((step, index) => (
        <SetupStepRow key={step.id} step={step} index={index}>
          {step.id === "registration" && (
            <div className="-mx-6">
              <div className="flex items-center gap-x-2 px-6">
                <Text size="small" className="text-ui-fg-subtle">
                  {t("shopee.setupGuide.registration.origin")}
                </Text>
                <code className="bg-ui-bg-subtle txt-compact-small rounded px-2 py-1" data-testid="setup-redirect-origin">
                  {redirectOrigin}
                </code>
                <Copy content={redirectOrigin} />
              </div>
              <RegistrationUrls urls={setup.urls} />
            </div>
          )}
          {step.id === "push_verified" && <TestPushButton environment={setup.environment} lastPush={setup.last_push} />}
        </SetupStepRow>
      ))}
    </Container>
  )
}

export default ShopeeSetupPage

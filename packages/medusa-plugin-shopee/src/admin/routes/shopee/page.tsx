import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShoppingBag } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useSearchParams } from "react-router-dom"
import { ActiveEnvironmentBanner } from "../../components/connection/active-environment-banner"
import { EnvironmentPanel } from "../../components/connection/environment-panel"
import { EnvironmentTabs } from "../../components/connection/environment-tabs"
import { ShopeeNav } from "../../components/shopee-nav"
import { shopeeApi } from "../../lib/api"
import { shopeeKeys } from "../../lib/query-keys"
import { isShopeeEnvironment, type ShopeeEnvironment } from "../../lib/types"
import { useOAuthOutcome } from "../../lib/use-oauth-outcome"
import { useTranslation } from "react-i18next"

/**
 * The Shopee connection page. The open tab lives in the URL (`?env=live`), as the OAuth
 * callback's redirect names it; without one, the tab of the active environment opens.
 */
const ShopeePage = () => {
  const { t } = useTranslation()
  useOAuthOutcome()
  const [searchParams, setSearchParams] = useSearchParams()
  const activeEnvironment = useQuery({
    queryKey: shopeeKeys.activeEnvironment(),
    queryFn: shopeeApi.activeEnvironment,
  })
  const requested = searchParams.get("env")
  const environment: ShopeeEnvironment = isShopeeEnvironment(requested)
    ? requested
    : (activeEnvironment.data?.active_environment ?? "sandbox")

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
      <Container className="divide-y p-0">
        <div className="px-6 py-3">
          <ShopeeNav />
        </div>
        <div className="flex flex-col gap-y-1 px-6 py-4">
          <Heading level="h1">Shopee</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("shopee.connection.description")}
          </Text>
        </div>
        <div className="px-6 py-4">
          <ActiveEnvironmentBanner answer={activeEnvironment.data} error={activeEnvironment.error} />
        </div>
        <div className="px-6 py-3">
          <EnvironmentTabs value={environment} activeEnvironment={activeEnvironment.data?.active_environment} onChange={openTab} />
        </div>
      </Container>
      <EnvironmentPanel key={environment} environment={environment} activeEnvironment={activeEnvironment.data} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Shopee",
  icon: ShoppingBag,
})

export default ShopeePage

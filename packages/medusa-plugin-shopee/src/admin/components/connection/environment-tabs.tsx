import { Badge, Tabs } from "@medusajs/ui"
import { environmentLabelKey, SHOPEE_ENVIRONMENTS, type ShopeeEnvironment } from "../../lib/types"
import { useTranslation } from "react-i18next"

/** One tab per environment; the ACTIVE pill marks the environment this instance serves. */
export const EnvironmentTabs = ({
  value,
  activeEnvironment,
  onChange,
}: {
  value: ShopeeEnvironment
  activeEnvironment: ShopeeEnvironment | undefined
  onChange: (environment: ShopeeEnvironment) => void
}) => {
  const { t } = useTranslation()
  return (
    <Tabs value={value} onValueChange={(next) => onChange(next as ShopeeEnvironment)}>
      <Tabs.List>
        {SHOPEE_ENVIRONMENTS.map((environment) => (
          <Tabs.Trigger key={environment} value={environment} className="gap-x-2">
            {t(environmentLabelKey(environment))}
            {environment === activeEnvironment && (
              <Badge size="2xsmall" color="green" rounded="full" data-testid="active-pill">
                {t("shopee.connection.activePill")}
              </Badge>
            )}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
    </Tabs>
  )
}

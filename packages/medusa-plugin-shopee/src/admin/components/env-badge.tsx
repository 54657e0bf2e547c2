import { Badge } from "@medusajs/ui"
import { environmentLabelKey, isShopeeEnvironment } from "../lib/types"
import { useTranslation } from "react-i18next"

/** Which environment a row belongs to; rows from before environments existed show "—". */
export const EnvBadge = ({ environment }: { environment: string | null | undefined }) => {
  const { t } = useTranslation()
  return isShopeeEnvironment(environment) ? (
    <Badge size="2xsmall" color={environment === "live" ? "purple" : "blue"} data-testid="env-badge">
      {t(environmentLabelKey(environment))}
    </Badge>
  ) : (
    <span className="text-ui-fg-muted" data-testid="env-badge">
      —
    </span>
  )
}

import { Alert, Text } from "@medusajs/ui"
import { environmentLabelKey, type ActiveEnvironmentAnswer } from "../../lib/types"
import { useTranslation } from "react-i18next"

/**
 * Which environment this instance serves, whichever tab is open: an operator editing the Live
 * tab must not mistake it for the environment that takes the pushes.
 */
export const ActiveEnvironmentBanner = ({ answer, error }: { answer: ActiveEnvironmentAnswer | undefined; error: unknown }) => {
  const { t } = useTranslation()
  if (error) {
    return (
      <Alert variant="error" data-testid="active-environment-banner">
        {t("shopee.connection.activeUnreadable")}
      </Alert>
    )
  }
  if (!answer) {
    return (
      <Text size="small" className="text-ui-fg-subtle" role="status">
        {t("shopee.connection.activeReading")}
      </Text>
    )
  }
  const label = t(environmentLabelKey(answer.active_environment))
  return (
    <Alert variant="info" data-testid="active-environment-banner">
      <Text size="small">
        {t("shopee.connection.activeLabel")} <span className="font-medium">{label}</span>. {t("shopee.connection.activeUse")}
        {answer.pinned_environment && ` ${t("shopee.connection.pinned", { env: t(environmentLabelKey(answer.pinned_environment)) })}`}
      </Text>
    </Alert>
  )
}

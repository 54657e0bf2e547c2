import { Alert, Text } from "@medusajs/ui"
import { ENVIRONMENT_LABELS, type ActiveEnvironmentAnswer } from "../../lib/types"

/**
 * Which environment this instance serves, whichever tab is open: an operator editing the Live
 * tab must not mistake it for the environment that takes the pushes.
 */
export const ActiveEnvironmentBanner = ({ answer, error }: { answer: ActiveEnvironmentAnswer | undefined; error: unknown }) => {
  if (error) {
    return (
      <Alert variant="error" data-testid="active-environment-banner">
        The active environment could not be read; switching is unavailable until it can.
      </Alert>
    )
  }
  if (!answer) {
    return (
      <Text size="small" className="text-ui-fg-subtle" role="status">
        Reading the active environment…
      </Text>
    )
  }
  const label = ENVIRONMENT_LABELS[answer.active_environment]
  return (
    <Alert variant="info" data-testid="active-environment-banner">
      <Text size="small">
        Active environment: <span className="font-medium">{label}</span>. Pushes, order imports and reconciliation use its active profile.
        {answer.pinned_environment &&
          ` This instance is pinned to ${ENVIRONMENT_LABELS[answer.pinned_environment]} by the plugin option pinned_environment and cannot switch.`}
      </Text>
    </Alert>
  )
}

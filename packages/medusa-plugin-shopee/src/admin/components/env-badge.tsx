import { Badge } from "@medusajs/ui"
import { ENVIRONMENT_LABELS, isShopeeEnvironment } from "../lib/types"

/** Which environment a row belongs to; rows from before environments existed show "—". */
export const EnvBadge = ({ environment }: { environment: string | null | undefined }) =>
  isShopeeEnvironment(environment) ? (
    <Badge size="2xsmall" color={environment === "live" ? "purple" : "blue"} data-testid="env-badge">
      {ENVIRONMENT_LABELS[environment]}
    </Badge>
  ) : (
    <span className="text-ui-fg-muted" data-testid="env-badge">
      —
    </span>
  )

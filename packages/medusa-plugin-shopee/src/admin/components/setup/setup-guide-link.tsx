import { Hint } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import type { ShopeeEnvironment } from "../../lib/types"
import { setupApi, setupKey } from "./setup-api"

/** Shown on the connection page while any step of the environment's guide is not done. */
export const SetupGuideLink = ({ environment }: { environment: ShopeeEnvironment }) => {
  const { t } = useTranslation()
  const setup = useQuery({ queryKey: setupKey(environment), queryFn: () => setupApi.steps(environment) })
  if (!setup.data) return null
  const open = setup.data.steps.filter((step) => !step.done).length
  if (open === 0) return null
  return (
    <div className="px-6 py-4">
      <Hint variant="info" data-testid="setup-guide-link">
        {t("shopee.setupGuide.link.text", { count: open })}{" "}
        <Link to={`/shopee/setup?env=${environment}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
          {t("shopee.setupGuide.link.open")}
        </Link>
      </Hint>
    </div>
  )
}

import { CheckCircleSolid, CircleDottedLine } from "@medusajs/icons"
import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import type { SetupStep } from "./setup-api"

/**
 * One step of the guide: its tick (green only when the server says it is done), what the store
 * has, and while not done what to do next with a link to the page that does it.
 */
export const SetupStepRow = ({ step, index, children }: { step: SetupStep; index: number; children?: ReactNode }) => {
  const { t } = useTranslation()
  return (
    <div className="flex gap-x-4 px-6 py-4" data-testid={`setup-step-${step.id}`} data-done={step.done ? "true" : "false"}>
      <div className="pt-0.5">
        {step.done ? (
          <CheckCircleSolid className="text-ui-tag-green-icon" data-testid={`setup-step-${step.id}-done`} />
        ) : (
          <CircleDottedLine className="text-ui-fg-muted" />
        )}
      </div>
      <div className="flex flex-1 flex-col gap-y-1">
        <Text size="small" weight="plus">
          {index + 1}. {t(`shopee.setupGuide.steps.${step.id}.title`)}
        </Text>
        <Text size="small" className="text-ui-fg-subtle" data-testid={`setup-step-${step.id}-detail`}>
          {t(`shopee.setupGuide.steps.${step.id}.detail`, detailValues(step))}
        </Text>
        {!step.done && step.next_action && (
          <Text size="small" data-testid={`setup-step-${step.id}-next`} data-next-action={step.next_action}>
            {t(`shopee.setupGuide.next.${step.next_action}`)}{" "}
            {step.link && (
              <Link to={step.link} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                {t("shopee.setupGuide.openPage")}
              </Link>
            )}
          </Text>
        )}
        {children}
      </div>
    </div>
  )
}

/** The detail's values as interpolation values; a missing one reads as a dash rather than "null". */
function detailValues(step: SetupStep): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(step.detail).map(([key, value]) => [key, value === null ? "-" : typeof value === "boolean" ? String(value) : value])
  )
}

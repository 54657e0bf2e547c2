import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { ErrorAlert } from "./query-state"
import { useTranslation } from "react-i18next"

/** Loading, failure or emptiness, in place of a list's rows (or a drawer's body). */
const ListMessage = ({ children }: { children: ReactNode }) => (
  <div className="px-6 py-8" data-testid="list-message">
    {children}
  </div>
)

/** `label` is already in the admin's language: "Loading <label>…". */
export const ListLoading = ({ label }: { label: string }) => {
  const { t } = useTranslation()
  return (
    <ListMessage>
      <Text size="small" className="text-ui-fg-subtle" role="status">
        {t("shopee.common.loadingWhat", { what: label })}
      </Text>
    </ListMessage>
  )
}

export const ListError = ({ title, error, onRetry }: { title: string; error: unknown; onRetry: () => void }) => (
  <ListMessage>
    <ErrorAlert title={title} error={error} onRetry={onRetry} />
  </ListMessage>
)

export const ListEmpty = ({ children }: { children: ReactNode }) => (
  <ListMessage>
    <Text size="small" className="text-ui-fg-subtle">
      {children}
    </Text>
  </ListMessage>
)

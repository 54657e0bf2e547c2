import { Alert, Button, Container, Text } from "@medusajs/ui"
import { errorMessage } from "../lib/sdk"
import { useTranslation } from "react-i18next"

/** Shown while a section's data loads; the height keeps the page from jumping when it arrives. */
export const LoadingSection = ({ label }: { label: string }) => {
  const { t } = useTranslation()
  return (
    <Container className="px-6 py-8">
      <Text size="small" className="text-ui-fg-subtle" role="status">
        {t("shopee.common.loadingWhat", { what: label })}
      </Text>
    </Container>
  )
}

/** A failed read's message (the API's own) and a way to try again. */
export const ErrorAlert = ({ title, error, onRetry }: { title: string; error: unknown; onRetry: () => void }) => {
  const { t } = useTranslation()
  return (
    <Alert variant="error">
      <div className="flex items-center justify-between gap-x-4">
        <div>
          <Text size="small" weight="plus">
            {title}
          </Text>
          <Text size="small">{errorMessage(error)}</Text>
        </div>
        <Button size="small" variant="secondary" onClick={onRetry}>
          {t("shopee.common.retry")}
        </Button>
      </div>
    </Alert>
  )
}

/** A failed read: the API's message and a way to try again, instead of a broken page. */
export const ErrorSection = ({ title, error, onRetry }: { title: string; error: unknown; onRetry: () => void }) => (
  <Container className="px-6 py-4">
    <ErrorAlert title={title} error={error} onRetry={onRetry} />
  </Container>
)

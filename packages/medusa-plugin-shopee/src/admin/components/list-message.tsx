import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { ErrorAlert } from "./query-state"

/** Loading, failure or emptiness, in place of a list's rows (or a drawer's body). */
const ListMessage = ({ children }: { children: ReactNode }) => (
  <div className="px-6 py-8" data-testid="list-message">
    {children}
  </div>
)

export const ListLoading = ({ label }: { label: string }) => (
  <ListMessage>
    <Text size="small" className="text-ui-fg-subtle" role="status">
      Loading {label}…
    </Text>
  </ListMessage>
)

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

import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** One chart with its title; when there is nothing to draw, a sentence says so instead of empty axes. */
export const ChartCard = ({
  testId,
  title,
  description,
  empty,
  emptyText,
  children,
}: {
  testId: string
  title: string
  description?: string
  empty: boolean
  emptyText: string
  children: ReactNode
}) => (
  <div data-testid={testId} className="bg-ui-bg-base shadow-elevation-card-rest flex flex-col gap-y-2 rounded-lg px-4 py-3">
    <div>
      <Text size="small" weight="plus" className="text-ui-fg-base">
        {title}
      </Text>
      {description && (
        <Text size="xsmall" className="text-ui-fg-muted">
          {description}
        </Text>
      )}
    </div>
    {empty ? (
      <div data-testid={`${testId}-empty`} className="flex h-[220px] items-center justify-center">
        <Text size="small" className="text-ui-fg-subtle">
          {emptyText}
        </Text>
      </div>
    ) : (
      <div data-testid={`${testId}-plot`} className="h-[220px] w-full">
        {children}
      </div>
    )}
  </div>
)

import { Button } from "@medusajs/ui"
import type { ComponentProps } from "react"

export type RowAction = {
  label: string
  variant: ComponentProps<typeof Button>["variant"]
  /** Its request is under way: the button spins. */
  busy?: boolean
  disabled?: boolean
  onClick: () => void
}

/** The buttons at the end of a list row, right-aligned, in the order given. */
export const RowActions = ({ actions }: { actions: RowAction[] }) => (
  <div className="flex justify-end gap-x-2">
    {actions.map(({ label, variant, busy, disabled, onClick }) => (
      <Button key={label} size="small" variant={variant} isLoading={busy} disabled={disabled} onClick={onClick}>
        {label}
      </Button>
    ))}
  </div>
)

/** Whether `mutation` is running for the row `id`: a row's button spins only for its own request. */
export const isPendingFor = (mutation: { isPending: boolean; variables?: { id: string } }, id: string) =>
  mutation.isPending && mutation.variables?.id === id

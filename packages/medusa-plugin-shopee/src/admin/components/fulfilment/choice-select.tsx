import { Label, Select } from "@medusajs/ui"
import { useId } from "react"

export type Choice = { value: string; label: string }

/** A labelled select of the choices Shopee offers; the label names it for assistive technology (and the browser tests). */
export const ChoiceSelect = ({
  label,
  value,
  choices,
  onChange,
}: {
  label: string
  value: string | undefined
  choices: Choice[]
  onChange: (value: string) => void
}) => {
  const id = useId()
  return (
    <div className="flex flex-col gap-y-1">
      <Label htmlFor={id} size="xsmall" weight="plus" className="text-ui-fg-subtle">
        {label}
      </Label>
      <Select size="small" value={value} onValueChange={onChange}>
        <Select.Trigger id={id} aria-label={label}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {choices.map((choice) => (
            <Select.Item key={choice.value} value={choice.value}>
              {choice.label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
}

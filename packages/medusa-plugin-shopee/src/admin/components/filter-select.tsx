import { Label, Select } from "@medusajs/ui"
import { useId } from "react"
import { environmentLabelKey, SHOPEE_ENVIRONMENTS } from "../lib/types"
import { useTranslation } from "react-i18next"

export type FilterOption = { value: string; label: string }

/** A labelled filter; `""` (shown as `allLabel`, else "All") removes it. A value from the URL that is not offered is added. */
export const FilterSelect = ({
  label,
  value,
  options,
  onChange,
  allLabel,
}: {
  label: string
  value: string
  options: FilterOption[]
  onChange: (value: string) => void
  allLabel?: string
}) => {
  const { t } = useTranslation()
  const id = useId()
  const offered = value && !options.some((option) => option.value === value) ? [...options, { value, label: value }] : options
  return (
    <div className="flex flex-col gap-y-1">
      <Label htmlFor={id} size="xsmall" weight="plus" className="text-ui-fg-subtle">
        {label}
      </Label>
      <Select size="small" value={value || "__all"} onValueChange={(next) => onChange(next === "__all" ? "" : next)}>
        <Select.Trigger id={id} className="min-w-[140px]" aria-label={label}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value="__all">{allLabel ?? t("shopee.common.all")}</Select.Item>
          {offered.map((option) => (
            <Select.Item key={option.value} value={option.value}>
              {option.label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
}

/** Every list filters by environment the same way: "All" is `env` absent from the URL. */
export const EnvFilterSelect = ({ env, onChange }: { env: string; onChange: (env: string) => void }) => {
  const { t } = useTranslation()
  const options = SHOPEE_ENVIRONMENTS.map((environment) => ({ value: environment, label: t(environmentLabelKey(environment)) }))
  return <FilterSelect label={t("shopee.common.env")} value={env === "all" ? "" : env} options={options} onChange={onChange} />
}

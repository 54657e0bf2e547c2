import { Input, Label, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

/**
 * A secret is never sent back to the browser: the stored one shows as its fingerprint, and
 * typing a value replaces it on save. Leaving the field empty keeps the stored secret.
 */
export const SecretField = ({
  id,
  label,
  fingerprint,
  unreadable,
  value,
  emptyPlaceholder,
  onChange,
}: {
  id: string
  label: string
  fingerprint: string | null
  unreadable: boolean
  value: string
  emptyPlaceholder: string
  onChange: (value: string) => void
}) => {
  const { t } = useTranslation()
  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={id} size="small" weight="plus">
        {label}
      </Label>
      <Input
        id={id}
        type="password"
        autoComplete="new-password"
        value={value}
        placeholder={fingerprint || unreadable ? t("shopee.secret.replace") : emptyPlaceholder}
        onChange={(event) => onChange(event.target.value)}
      />
      {fingerprint && (
        <Text size="xsmall" className="text-ui-fg-subtle" data-testid={`${id}-fingerprint`}>
          {t("shopee.secret.stored")} <code className="font-mono">{fingerprint}</code>
        </Text>
      )}
      {unreadable && (
        <Text size="xsmall" className="text-ui-fg-error">
          {t("shopee.secret.unreadable")}
        </Text>
      )}
      {!fingerprint && !unreadable && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("shopee.secret.notSet")}
        </Text>
      )}
    </div>
  )
}

import { Input, Label, Text } from "@medusajs/ui"

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
}) => (
  <div className="flex flex-col gap-y-2">
    <Label htmlFor={id} size="small" weight="plus">
      {label}
    </Label>
    <Input
      id={id}
      type="password"
      autoComplete="new-password"
      value={value}
      placeholder={fingerprint || unreadable ? "Type a new value to replace the stored one" : emptyPlaceholder}
      onChange={(event) => onChange(event.target.value)}
    />
    {fingerprint && (
      <Text size="xsmall" className="text-ui-fg-subtle" data-testid={`${id}-fingerprint`}>
        Stored: <code className="font-mono">{fingerprint}</code>
      </Text>
    )}
    {unreadable && (
      <Text size="xsmall" className="text-ui-fg-error">
        Stored, but this server's encryption key cannot read it: type it again.
      </Text>
    )}
    {!fingerprint && !unreadable && (
      <Text size="xsmall" className="text-ui-fg-subtle">
        Not set.
      </Text>
    )}
  </div>
)

import { Copy, Label, Text } from "@medusajs/ui"
import type { RegistrationUrls as Urls } from "../../lib/types"

/** The two URLs the operator registers in Shopee's Partner Center, ready to copy. */
export const RegistrationUrls = ({ urls }: { urls: Urls }) => (
  <div className="flex flex-col gap-y-3 px-6 py-4">
    <Text size="small" className="text-ui-fg-subtle">
      Register these at Shopee (Partner Center accepts the origin as redirect URL; the full path is sent with each authorization).
    </Text>
    <UrlRow label="OAuth callback URL" url={urls.oauth_callback_url} />
    <UrlRow label="Push URL" url={urls.push_url} />
  </div>
)

const UrlRow = ({ label, url }: { label: string; url: string }) => (
  <div className="grid grid-cols-[180px_1fr] items-center gap-x-4">
    <Label size="small" weight="plus">
      {label}
    </Label>
    <div className="flex items-center gap-x-2 overflow-hidden">
      <code className="bg-ui-bg-subtle txt-compact-small truncate rounded px-2 py-1">{url}</code>
      <Copy content={url} aria-label={`Copy the ${label}`} />
    </div>
  </div>
)

import { Copy, Label, Text } from "@medusajs/ui"
import type { RegistrationUrls as Urls } from "../../lib/types"
import { useTranslation } from "react-i18next"

/** The two URLs the operator registers in Shopee's Partner Center, ready to copy. */
export const RegistrationUrls = ({ urls }: { urls: Urls }) => {
  const { t } = useTranslation()
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      <Text size="small" className="text-ui-fg-subtle">
        {t("shopee.connection.registerHint")}
      </Text>
      <UrlRow label={t("shopee.connection.callbackUrl")} url={urls.oauth_callback_url} />
      <UrlRow label={t("shopee.connection.pushUrl")} url={urls.push_url} />
    </div>
  )
}

const UrlRow = ({ label, url }: { label: string; url: string }) => {
  const { t } = useTranslation()
  return (
    <div className="grid grid-cols-[180px_1fr] items-center gap-x-4">
      <Label size="small" weight="plus">
        {label}
      </Label>
      <div className="flex items-center gap-x-2 overflow-hidden">
        <code className="bg-ui-bg-subtle txt-compact-small truncate rounded px-2 py-1">{url}</code>
        <Copy content={url} aria-label={t("shopee.connection.copy", { label })} />
      </div>
    </div>
  )
}

import { Badge } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { shopeeKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { ShopeeEnvironment } from "../lib/types"

/** `GET /admin/shopee/instance` (api/admin/shopee/instance/route.ts). */
export type InstanceAnswer = {
  active_environment: ShopeeEnvironment
  pinned_environment: ShopeeEnvironment | null
  other_instance_url: string | null
}

const OTHER: Record<ShopeeEnvironment, ShopeeEnvironment> = { sandbox: "live", live: "sandbox" }

/**
 * Which instance this admin belongs to and a link to the one serving the other environment, at
 * the top of every Shopee page: Medusa's admin has no navbar slot for plugins. Shown only where
 * there is something to tell, a pin or another instance; a lone unpinned store has the banner.
 */
export const InstanceSwitcher = () => {
  const { t } = useTranslation()
  const { data } = useQuery({
    queryKey: [...shopeeKeys.all, "instance"],
    queryFn: () => sdk.client.fetch<InstanceAnswer>("/admin/shopee/instance"),
    staleTime: Infinity,
  })
  if (!data || (!data.pinned_environment && !data.other_instance_url)) return null
  const own = data.pinned_environment
  return (
    <div className="ml-auto flex items-center gap-x-3" data-testid="instance-switcher" data-environment={own ?? ""}>
      {own && (
        <Badge size="2xsmall" color={own === "live" ? "purple" : "blue"} data-testid="instance-name">
          {t(`shopee.instances.names.${own}`)}
        </Badge>
      )}
      {data.other_instance_url && (
        <a
          href={`${data.other_instance_url}/app/shopee`}
          className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
          data-testid="instance-switcher-link"
        >
          {own ? t(`shopee.instances.open.${OTHER[own]}`) : t("shopee.instances.openOther")}
        </a>
      )}
    </div>
  )
}

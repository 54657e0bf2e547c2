import { clx } from "@medusajs/ui"
import { Link, useLocation } from "react-router-dom"
import { useTranslation } from "react-i18next"
import { InstanceSwitcher } from "./instance-switcher"

const SECTIONS = [
  { to: "/shopee/overview", labelKey: "shopee.nav.overview" },
  { to: "/shopee/orders", labelKey: "shopee.nav.orders" },
  { to: "/shopee/products", labelKey: "shopee.nav.products" },
  { to: "/shopee/stock", labelKey: "shopee.nav.stock" },
  { to: "/shopee/exceptions", labelKey: "shopee.nav.exceptions" },
  { to: "/shopee/events", labelKey: "shopee.nav.events" },
  { to: "/shopee", labelKey: "shopee.nav.connection" },
] as const

/**
 * The Shopee pages' own navigation, at the top of each. Links are relative to the admin's
 * router, so they work under any base path (`/app` by default).
 */
export const ShopeeNav = () => {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const current = SECTIONS.find((section) => section.to !== "/shopee" && pathname.endsWith(section.to))?.to ?? "/shopee"
  return (
    <nav aria-label={t("shopee.nav.label")} className="flex flex-wrap items-center gap-1" data-testid="shopee-nav">
      {SECTIONS.map((section) => (
        <Link
          key={section.to}
          to={section.to}
          aria-current={section.to === current ? "page" : undefined}
          className={clx(
            "txt-compact-small-plus rounded-md px-3 py-1.5 transition-fg",
            section.to === current
              ? "bg-ui-bg-base text-ui-fg-base shadow-elevation-card-rest"
              : "text-ui-fg-muted hover:bg-ui-bg-base-hover hover:text-ui-fg-subtle"
          )}
        >
          {t(section.labelKey)}
        </Link>
      ))}
      <InstanceSwitcher />
    </nav>
  )
}

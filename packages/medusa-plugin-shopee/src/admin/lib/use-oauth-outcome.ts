import { toast } from "@medusajs/ui"
import { useEffect, useRef } from "react"
import { useSearchParams } from "react-router-dom"
import { useTranslation } from "react-i18next"
import { environmentLabelKey, isShopeeEnvironment } from "./types"

/** The callback's `reason` codes that the translation files explain one by one. */
const EXPLAINED_REASONS = new Set([
  "missing_code",
  "bad_env_path",
  "bad_state",
  "missing_state",
  "bad_shop_id",
  "not_configured",
  "invalid_code",
  "exchange_failed",
])

/**
 * After Shopee's authorization, the OAuth callback redirects here with `status` and `reason`.
 * The outcome is shown once, then those parameters leave the URL so that a reload or a shared
 * link does not show it again.
 */
export function useOAuthOutcome(): void {
  const { t } = useTranslation()
  const [searchParams, setSearchParams] = useSearchParams()
  const shown = useRef(false)
  const status = searchParams.get("status")
  const reason = searchParams.get("reason")
  const env = searchParams.get("env")

  useEffect(() => {
    if (!status || shown.current) return
    shown.current = true
    const where = isShopeeEnvironment(env) ? `${t(environmentLabelKey(env))}: ` : ""
    if (status === "ok") {
      toast.success(t("shopee.oauth.connected"), { description: `${where}${t("shopee.oauth.connectedDescription")}` })
    } else {
      const failed = t("shopee.oauth.failedReason")
      const explained = reason ? `${EXPLAINED_REASONS.has(reason) ? t(`shopee.oauth.reasons.${reason}`) : failed} (${reason})` : failed
      toast.error(t("shopee.oauth.failed"), { description: `${where}${explained}` })
    }
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current)
        next.delete("status")
        next.delete("reason")
        return next
      },
      { replace: true }
    )
  }, [status, reason, env, setSearchParams, t])
}

import { toast } from "@medusajs/ui"
import { useEffect, useRef } from "react"
import { useSearchParams } from "react-router-dom"
import { ENVIRONMENT_LABELS, isShopeeEnvironment } from "./types"

/** What the callback's `reason` codes mean to an operator. */
const REASONS: Record<string, string> = {
  missing_code: "Shopee sent no authorization code.",
  bad_env_path: "The callback URL names no known environment; check the URL registered at Shopee.",
  bad_state:
    "The authorization link expired, was already used, or was opened in another browser than the one that asked for it; connect again.",
  missing_state:
    "The authorization did not start from this store (no state): it may only renew the shop the profile already names. Use Connect here to add a shop.",
  bad_shop_id: "Shopee's callback did not name a valid shop id.",
  not_configured: "The environment's profile has no partner id or partner key, or this server has no encryption key.",
  invalid_code:
    "Shopee refused the authorization code: it was already used, has expired (codes last 10 minutes) or is for another shop; connect again.",
  exchange_failed: "Shopee refused the authorization code; check the partner id, partner key and region.",
}

/**
 * After Shopee's authorization, the OAuth callback redirects here with `status` and `reason`.
 * The outcome is shown once, then those parameters leave the URL so that a reload or a shared
 * link does not show it again.
 */
export function useOAuthOutcome(): void {
  const [searchParams, setSearchParams] = useSearchParams()
  const shown = useRef(false)
  const status = searchParams.get("status")
  const reason = searchParams.get("reason")
  const env = searchParams.get("env")

  useEffect(() => {
    if (!status || shown.current) return
    shown.current = true
    const where = isShopeeEnvironment(env) ? `${ENVIRONMENT_LABELS[env]}: ` : ""
    if (status === "ok") {
      toast.success("Shop connected", { description: `${where}Shopee authorized the shop; tokens are stored.` })
    } else {
      const explained = reason ? `${REASONS[reason] ?? "The authorization failed."} (${reason})` : "The authorization failed."
      toast.error("Shopee connection failed", { description: `${where}${explained}` })
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
  }, [status, reason, env, setSearchParams])
}

import Medusa from "@medusajs/js-sdk"
import { getI18n } from "react-i18next"

/**
 * The admin's own session: the page runs inside the Medusa admin, which is already logged in,
 * so requests carry its cookie (or its token when the admin is configured for JWT).
 */
export const sdk = new Medusa({
  baseUrl: __BACKEND_URL__ ?? "/",
  auth: { type: __AUTH_TYPE__ ?? "session" },
})

/**
 * The API's own message (it names the field or what is missing), else a generic one in the
 * admin's language (the admin's i18next instance; English before it exists).
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message
  return getI18n()?.t("shopee.common.requestFailed") ?? "The request failed; try again."
}

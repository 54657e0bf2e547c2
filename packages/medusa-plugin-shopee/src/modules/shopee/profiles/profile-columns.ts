import { MedusaError } from "@medusajs/framework/utils"
import { allowedApiBaseUrlsOf, type ShopeePluginOptions } from "../options"
import { PROFILE_SECRET_NAMES, PROFILE_SECRETS, profileSecretContext } from "../secrets/encrypted-columns"
import { requireKeyring } from "../secrets/keyring"
import { encryptSecret } from "../secrets/secret-box"
import type { ProfileRow } from "../tables"
import type { ProfileFieldsInput } from "../types"
import { apiBaseUrlProblem } from "./api-base-url"

/**
 * Turns operator input into stored columns: ids as digit strings, an api_base_url only where
 * the server allows it, secrets encrypted for this row.
 */
export function profileColumns(
  input: ProfileFieldsInput,
  row: Pick<ProfileRow, "id" | "environment">,
  options: ShopeePluginOptions
): Partial<ProfileRow> {
  const columns: Partial<ProfileRow> = {}
  if (input.partner_id !== undefined) columns.partner_id = input.partner_id === null ? null : String(input.partner_id)
  if (input.shop_id !== undefined) columns.shop_id = input.shop_id === null ? null : String(input.shop_id)
  if (input.api_base_url !== undefined && input.api_base_url !== null) {
    const problem = apiBaseUrlProblem(input.api_base_url, row.environment, allowedApiBaseUrlsOf(options))
    if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
  }
  if (input.api_base_url !== undefined) columns.api_base_url = input.api_base_url
  if (input.default_location_id !== undefined) columns.default_location_id = input.default_location_id
  if (input.ship_default_mode !== undefined) columns.ship_default_mode = input.ship_default_mode
  if (input.ship_default_address_id !== undefined)
    columns.ship_default_address_id = input.ship_default_address_id === null ? null : String(input.ship_default_address_id)
  if (input.ship_auto_delay_minutes !== undefined) columns.ship_auto_delay_minutes = input.ship_auto_delay_minutes
  for (const secret of PROFILE_SECRET_NAMES) {
    const value = input[secret]
    if (value === undefined) continue
    columns[PROFILE_SECRETS[secret]] =
      value === null ? null : encryptSecret(value, requireKeyring(options), profileSecretContext(row, secret))
  }
  return columns
}

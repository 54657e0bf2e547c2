/** The fields without which a profile can neither call Shopee nor be the one an instance serves. */
export const REQUIRED_PROFILE_FIELDS = ["partner_id", "partner_key", "shop_id"] as const

export type ProfileFieldPresence = {
  partner_id: string | null
  partner_key_encrypted: string | null
  shop_id: string | null
}

export function missingProfileFields(profile: ProfileFieldPresence): string[] {
  const present: Record<(typeof REQUIRED_PROFILE_FIELDS)[number], boolean> = {
    partner_id: !!profile.partner_id,
    partner_key: !!profile.partner_key_encrypted,
    shop_id: !!profile.shop_id,
  }
  return REQUIRED_PROFILE_FIELDS.filter((field) => !present[field])
}

/** `Missing: partner_key, shop_id`: the message the operator sees, naming every missing field. */
export function missingFieldsMessage(missing: string[]): string {
  return `Missing: ${missing.join(", ")}`
}

import { isShopeeEnvironment, type ShopeeEnvironment } from "../../../modules/shopee/environments"

/**
 * The environment a public Shopee route serves. The legacy paths without a segment mean
 * sandbox, so that registrations made before environments existed keep working.
 */
export function environmentOfSegment(segment: string | undefined): ShopeeEnvironment | null {
  if (segment === undefined) return "sandbox"
  return isShopeeEnvironment(segment) ? segment : null
}

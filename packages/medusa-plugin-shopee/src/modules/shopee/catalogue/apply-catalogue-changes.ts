import type { Context } from "@medusajs/framework/types"
import type { MatchDecision } from "../../../lib/catalogue/match-listings"
import type { Listing } from "../../../lib/catalogue/listings-of-item"
import type { ShopeeEnvironment } from "../environments"

export type CatalogueChanges = {
  environment: ShopeeEnvironment
  profile_id: string
  create?: Listing[]
  /** Listings read again: their Shopee fields only, never the match. */
  refresh?: { id: string; listing: Listing }[]
  rematch?: MatchDecision[]
  retire?: string[]
}

/** The generated methods of the module service that write the product map. */
export type ProductMapWriter = {
  createShopeeProductMaps(data: Record<string, unknown>[], sharedContext?: Context): Promise<unknown>
  updateShopeeProductMaps(data: Record<string, unknown>[], sharedContext?: Context): Promise<unknown>
  softDeleteShopeeProductMaps(ids: string[], config?: Record<string, unknown>, sharedContext?: Context): Promise<unknown>
}

/**
 * Writes one batch of catalogue changes in the caller's transaction. Retired rows go first and every
 * row being rematched lets go of its variant before any takes one, so that the one-variant-per-
 * profile index holds after every statement.
 */
export async function applyCatalogueChanges(writer: ProductMapWriter, changes: CatalogueChanges, sharedContext: Context): Promise<void> {
  const readAt = new Date()
  if (changes.retire?.length) await writer.softDeleteShopeeProductMaps(changes.retire, {}, sharedContext)
  if (changes.refresh?.length) {
    await writer.updateShopeeProductMaps(
      changes.refresh.map(({ id, listing }) => ({ id, ...listing, read_at: readAt })),
      sharedContext
    )
  }
  if (changes.rematch?.length) {
    await writer.updateShopeeProductMaps(
      changes.rematch.map(({ id }) => ({ id, variant_id: null })),
      sharedContext
    )
    await writer.updateShopeeProductMaps(
      changes.rematch.map((decision) => ({ ...decision })),
      sharedContext
    )
  }
  if (changes.create?.length) {
    await writer.createShopeeProductMaps(
      changes.create.map((listing) => ({
        ...listing,
        environment: changes.environment,
        profile_id: changes.profile_id,
        read_at: readAt,
        match_state: "unmatched",
        match_reason: "Not matched yet",
      })),
      sharedContext
    )
  }
}

import { MedusaError } from "@medusajs/framework/utils"
import { ShopeeClient, TokenSource, type ShopeeShop, type ShopeeTokens } from "@shopee-medusa/shopee-client"
import { allowedApiBaseUrlsOf, type ShopeePluginOptions } from "../options"
import { apiBaseUrlProblem } from "../profiles/api-base-url"
import { profileSecretContext } from "../secrets/encrypted-columns"
import { requireKeyring } from "../secrets/keyring"
import { decryptSecret } from "../secrets/secret-box"
import type { ProfileRow } from "../tables"
import type { ProfileCredentials } from "../types"

/** Takes a lock that excludes other instances (Medusa's locking module, given by the caller). */
export type WithLock = <T>(key: string, job: () => Promise<T>) => Promise<T>

/** Where a shop's tokens are kept, by `<profile id>:<shop id>`. */
export type TokenPersistence = {
  load: (key: string) => Promise<ShopeeTokens | null>
  save: (key: string, tokens: ShopeeTokens) => Promise<void>
}

/**
 * Shopee clients per profile, each kept with the signature of the row it was built from and
 * rebuilt when any of those fields changed, so a PATCH, an activation, a delete or a direct
 * SQL edit, on this instance or another, is seen by the next call.
 */
export class ShopeeClients {
  private readonly byProfile = new Map<string, { signature: string; client: ShopeeClient; tokens?: TokenSource }>()

  constructor(private readonly options: ShopeePluginOptions) {}

  clientOf(row: ProfileRow): ShopeeClient {
    const signature = JSON.stringify([row.partner_id, row.partner_key_encrypted, row.shop_id, row.region, row.api_base_url])
    const cached = this.byProfile.get(row.id)
    if (cached && cached.signature === signature) {
      return cached.client
    }
    const client = this.build(row)
    this.byProfile.set(row.id, { signature, client })
    return client
  }

  /**
   * The shop API of a profile, with tokens that refresh ahead of expiry once at a time per shop:
   * in this process through the client's shared TokenSource, across instances through `withLock`.
   */
  shopApi(
    client: ShopeeClient,
    credentials: ProfileCredentials,
    persistence: TokenPersistence,
    withLock: WithLock
  ): { shop: ShopeeShop; tokens: TokenSource } {
    const entry = this.byProfile.get(credentials.profile_id)!
    entry.tokens ??= new TokenSource({
      auth: client.auth,
      keyOf: (owner) => `${credentials.profile_id}:${"shopId" in owner ? owner.shopId : owner.merchantId}`,
      store: {
        load: persistence.load,
        save: persistence.save,
        withLock: (key, job) => withLock(`shopee-token:${key}`, job),
      },
    })
    return { shop: client.shop({ shopId: credentials.shop_id, tokens: entry.tokens }), tokens: entry.tokens }
  }

  forget(profileId: string): void {
    this.byProfile.delete(profileId)
  }

  /** A client signing with the profile's partner credentials; the caller checked they are present. */
  build(row: ProfileRow): ShopeeClient {
    // Checked again at use: a row written before this rule, or a server allowance since removed.
    const problem = row.api_base_url ? apiBaseUrlProblem(row.api_base_url, row.environment, allowedApiBaseUrlsOf(this.options)) : null
    if (problem) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The ${row.environment} profile "${row.name}" cannot be used: ${problem}. Change its api_base_url.`
      )
    }
    return new ShopeeClient({
      partnerId: Number(row.partner_id),
      partnerKey: decryptSecret(row.partner_key_encrypted!, requireKeyring(this.options), profileSecretContext(row, "partner_key")),
      ...(row.api_base_url ? { baseUrl: row.api_base_url } : { region: row.region }),
    })
  }
}

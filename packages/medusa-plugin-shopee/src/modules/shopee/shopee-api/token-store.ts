import type { Context } from "@medusajs/framework/types"
import { generateEntityId } from "@medusajs/framework/utils"
import type { ShopeeTokens } from "@shopee-medusa/shopee-client"
import type { ShopeePluginOptions } from "../options"
import type { ProfileRows } from "../profiles/profile-rows"
import { tokenSecretContext } from "../secrets/encrypted-columns"
import { requireKeyring } from "../secrets/keyring"
import { decryptSecret, encryptSecret } from "../secrets/secret-box"
import type { ProfileRow, ShopeeTableAccess } from "../tables"
import { tokenStateOf, type TokenState } from "./token-state"

type TokenTable = Pick<ShopeeTableAccess, "listShopeeAuthTokens" | "createShopeeAuthTokens" | "updateShopeeAuthTokens">

/**
 * The shops' tokens, encrypted and bound to their row, keyed `<profile id>:<shop id>` as the
 * client's TokenSource names them. The refresh token is single-use at Shopee: a new one is
 * saved before anyone may use the access token that came with it.
 */
export class TokenStore {
  constructor(
    private readonly table: TokenTable,
    private readonly profiles: ProfileRows,
    private readonly options: ShopeePluginOptions
  ) {}

  async load(key: string, sharedContext: Context): Promise<ShopeeTokens | null> {
    const [profileId, shopId] = key.split(":")
    const [row] = await this.table.listShopeeAuthTokens({ profile_id: profileId, shop_id: shopId }, {}, sharedContext)
    if (!row) return null
    const keyring = requireKeyring(this.options)
    return {
      accessToken: decryptSecret(row.access_token_encrypted, keyring, tokenSecretContext(row, "access_token")),
      refreshToken: decryptSecret(row.refresh_token_encrypted, keyring, tokenSecretContext(row, "refresh_token")),
      accessTokenExpiresAt: row.access_expires_at.getTime(),
      refreshTokenExpiresAt: row.refresh_expires_at.getTime(),
    }
  }

  /** Writes a shop's tokens; the row id is fixed first so the ciphertexts can be bound to it. */
  async save(key: string, tokens: ShopeeTokens, sharedContext: Context): Promise<void> {
    const [profileId, shopId] = key.split(":")
    const profile = await this.profiles.byId(profileId, sharedContext)
    const [existing] = await this.table.listShopeeAuthTokens({ profile_id: profileId, shop_id: shopId }, { select: ["id"] }, sharedContext)
    const id = existing?.id ?? generateEntityId(undefined, "shtok")
    const place = { id, environment: profile.environment }
    const keyring = requireKeyring(this.options)
    const columns = {
      access_token_encrypted: encryptSecret(tokens.accessToken, keyring, tokenSecretContext(place, "access_token")),
      refresh_token_encrypted: encryptSecret(tokens.refreshToken, keyring, tokenSecretContext(place, "refresh_token")),
      access_expires_at: new Date(tokens.accessTokenExpiresAt),
      refresh_expires_at: new Date(tokens.refreshTokenExpiresAt),
    }
    if (existing) {
      await this.table.updateShopeeAuthTokens({ id, ...columns, last_refreshed_at: new Date() }, sharedContext)
    } else {
      await this.table.createShopeeAuthTokens(
        { id, environment: profile.environment, profile_id: profileId, shop_id: shopId, ...columns },
        sharedContext
      )
    }
  }

  /** The token state of a profile's own shop. */
  async stateOf(profile: ProfileRow, sharedContext: Context): Promise<TokenState> {
    const [row] = profile.shop_id
      ? await this.table.listShopeeAuthTokens({ profile_id: profile.id, shop_id: profile.shop_id }, {}, sharedContext)
      : []
    return tokenStateOf(row, profile.shop_id, Date.now())
  }

  /** Tokens whose access token lapses within `withinMs`, for the refresh job. */
  async expiringWithin(withinMs: number, sharedContext: Context) {
    const rows = await this.table.listShopeeAuthTokens(
      { access_expires_at: { $lte: new Date(Date.now() + withinMs) } },
      { select: ["id", "environment", "profile_id", "shop_id", "access_expires_at"] },
      sharedContext
    )
    return rows.map((row) => ({
      environment: row.environment,
      profile_id: row.profile_id,
      shop_id: Number(row.shop_id),
      access_expires_at: row.access_expires_at,
    }))
  }

  /** Tokens whose refresh token lapses within `withinMs` (or has lapsed): only reconnecting renews them. */
  async refreshLapsingWithin(withinMs: number, sharedContext: Context) {
    const rows = await this.table.listShopeeAuthTokens(
      { refresh_expires_at: { $lte: new Date(Date.now() + withinMs) } },
      { select: ["id", "environment", "profile_id", "shop_id", "refresh_expires_at"] },
      sharedContext
    )
    return rows.map((row) => ({
      environment: row.environment,
      profile_id: row.profile_id,
      shop_id: Number(row.shop_id),
      refresh_expires_at: row.refresh_expires_at,
    }))
  }
}

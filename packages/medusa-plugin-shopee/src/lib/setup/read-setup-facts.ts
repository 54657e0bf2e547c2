import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"
import type { StockSetting } from "../../modules/shopee/stock/stock-settings"
import { resolveShopee } from "../shopee-module"
import type { SetupFacts } from "./plan-setup-steps"

/**
 * Everything the setup guide decides on, read from the store as it is now. Only reads: the
 * stock setting row is looked up, not created (the stock page creates it with its defaults).
 */
export async function readSetupFacts(container: MedusaContainer, environment: ShopeeEnvironment): Promise<SetupFacts> {
  const shopee = resolveShopee(container)
  const sql = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const profile = await shopee.getActiveProfile(environment)

  const pushCounts = async (signatureOk: boolean) => {
    const [row] = (await sql("shopee_raw_event")
      .whereNull("deleted_at")
      .where({ environment, signature_ok: signatureOk })
      .count({ count: "*" })
      .max({ last: "created_at" })) as unknown as { count: string | number; last: Date | null }[]
    return { count: Number(row.count), last: row.last ? new Date(row.last) : null }
  }
  const countModels = async (mappedOnly: boolean) => {
    const query = sql("shopee_product_map").whereNull("deleted_at").where({ profile_id: profile.id })
    if (mappedOnly) query.where({ match_state: "matched" }).whereNotNull("variant_id")
    const [row] = (await query.count({ count: "*" })) as unknown as { count: string | number }[]
    return Number(row.count)
  }

  const [token, verified, rejected, orderSetup, lastRun, models, mapped, stockRows, imported] = await Promise.all([
    shopee.getTokenState(environment),
    pushCounts(true),
    pushCounts(false),
    readOrderSetup(container),
    shopee.latestCatalogueRun(environment),
    countModels(false),
    countModels(true),
    shopee.listShopeeStockSettings({ profile_id: profile.id }) as Promise<StockSetting[]>,
    sql("shopee_order_sync").whereNull("deleted_at").where({ environment }).whereNotNull("order_id").count({ count: "*" }),
  ])

  return {
    environment,
    profile: { complete: profile.complete, missing: profile.missing },
    token: { state: token.state },
    pushes: { verified: verified.count, rejected: rejected.count, last_verified_at: verified.last },
    order_setup: orderSetup,
    catalogue: { last_run: lastRun?.status ?? null, models, mapped },
    stock: { mode: stockRows[0]?.mode ?? "off", chosen: !!stockRows[0]?.mode_changed_at },
    orders: { imported: Number((imported as unknown as { count: string | number }[])[0].count) },
  }
}

/** Found as the order import finds them (lib/orders/create-order-from-shopee.ts): the channel by name, the option by id or name. */
async function readOrderSetup(container: MedusaContainer): Promise<SetupFacts["order_setup"]> {
  const settings = resolveShopee(container).orderImportSettings
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: channels } = await query.graph({
    entity: "sales_channel",
    fields: ["id", "stock_locations.id"],
    filters: { name: settings.sales_channel },
  })
  const { data: options } = await query.graph({ entity: "shipping_option", fields: ["id", "name"], filters: {} })
  return {
    sales_channel: {
      name: settings.sales_channel,
      found: channels.length > 0,
      has_stock_location: !!channels[0]?.stock_locations?.[0]?.id,
    },
    shipping_option: {
      wanted: settings.shipping_option,
      found: options.some((option) => option.id === settings.shipping_option || option.name === settings.shipping_option),
    },
  }
}

/** The newest push of the environment and whether it verified: what the Test push button waits for. */
export async function readLatestPush(container: MedusaContainer, environment: ShopeeEnvironment) {
  const sql = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const [row] = (await sql("shopee_raw_event")
    .whereNull("deleted_at")
    .where({ environment })
    .orderBy("created_at", "desc")
    .limit(1)
    .select("created_at", "signature_ok", "code")) as { created_at: Date; signature_ok: boolean; code: number | null }[]
  return row ? { received_at: new Date(row.created_at).toISOString(), signature_ok: row.signature_ok, code: row.code } : null
}

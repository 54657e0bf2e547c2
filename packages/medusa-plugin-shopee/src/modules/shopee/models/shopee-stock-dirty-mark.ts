import { model } from "@medusajs/framework/utils"

/**
 * A variant whose stock may have changed (an inventory, reservation or order event, a stock
 * push), waiting for the writer's fast path. Kept in the database so that whichever process
 * runs the writer sees it; the run deletes exactly the marks it took (created_at is the mark's
 * time), so a mark left while it runs survives for the next one.
 */
export const ShopeeStockDirtyMark = model
  .define("shopee_stock_dirty_mark", {
    id: model.id({ prefix: "shstdm" }).primaryKey(),
    variant_id: model.text(),
    source: model.text(),
  })
  .indexes([{ on: ["created_at"] }])

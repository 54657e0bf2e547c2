import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * An order import records its claim before it creates anything in Medusa: the state `creating`
 * and the claim id it writes into the new order's metadata, so that a retry after a crash finds
 * the order it made instead of making another.
 */
export class Migration20261204130000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "shopee_order_sync" drop constraint if exists "shopee_order_sync_state_check";`);
    this.addSql(`alter table if exists "shopee_order_sync" add constraint "shopee_order_sync_state_check" check ("state" in ('claimed', 'creating', 'imported', 'held', 'skipped'));`);
    this.addSql(`alter table if exists "shopee_order_sync" add column if not exists "import_claim" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "shopee_order_sync" drop column if exists "import_claim";`);
    this.addSql(`alter table if exists "shopee_order_sync" drop constraint if exists "shopee_order_sync_state_check";`);
    this.addSql(`alter table if exists "shopee_order_sync" add constraint "shopee_order_sync_state_check" check ("state" in ('claimed', 'imported', 'held', 'skipped'));`);
  }

}

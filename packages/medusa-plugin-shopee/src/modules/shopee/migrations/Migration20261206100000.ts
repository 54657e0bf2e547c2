import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Automatic arrangement: a profile's shipping default and its wait after the order's creation;
 * on the order's sync row, when a waiting arrangement is due, and what Shopee reported that a person must handle.
 */
export class Migration20261206100000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "shopee_profile" add column if not exists "ship_default_mode" text check ("ship_default_mode" in ('pickup', 'dropoff')) null, add column if not exists "ship_default_address_id" text null, add column if not exists "ship_auto_delay_minutes" integer not null default 60;`);
    this.addSql(`alter table if exists "shopee_order_sync" add column if not exists "shipment_due_at" timestamptz null, add column if not exists "shipment_alert" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "shopee_order_sync" drop column if exists "shipment_due_at", drop column if exists "shipment_alert";`);
    this.addSql(`alter table if exists "shopee_profile" drop column if exists "ship_default_mode", drop column if exists "ship_default_address_id", drop column if exists "ship_auto_delay_minutes";`);
  }

}

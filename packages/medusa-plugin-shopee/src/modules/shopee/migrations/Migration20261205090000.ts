import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Arranging a Shopee order's shipment from Medusa: where it stands on the order's sync row. */
export class Migration20261205090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "shopee_order_sync" add column if not exists "shipment_state" text check ("shipment_state" in ('deferred', 'arranged', 'refused')) null, add column if not exists "shipment_mode" text null, add column if not exists "shipment_request" jsonb null, add column if not exists "shipment_reason" text null, add column if not exists "shipment_arranged_at" timestamptz null, add column if not exists "fulfillment_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "shopee_order_sync" drop column if exists "shipment_state", drop column if exists "shipment_mode", drop column if exists "shipment_request", drop column if exists "shipment_reason", drop column if exists "shipment_arranged_at", drop column if exists "fulfillment_id";`);
  }

}

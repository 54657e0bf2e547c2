import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "shopee_product_map" alter column "variant_id" drop not null;`);
    this.addSql(`alter table if exists "shopee_product_map" add column if not exists "sku" text null, add column if not exists "item_sku" text null, add column if not exists "model_sku" text null, add column if not exists "item_name" text null, add column if not exists "model_name" text null, add column if not exists "item_status" text null, add column if not exists "model_status" text null, add column if not exists "shopee_stock" integer null, add column if not exists "reserved_stock" integer null, add column if not exists "shopee_update_time" integer null, add column if not exists "read_at" timestamptz null, add column if not exists "match_state" text check ("match_state" in ('matched', 'unmatched', 'conflict')) not null default 'unmatched', add column if not exists "match_source" text check ("match_source" in ('sku', 'manual')) null, add column if not exists "match_reason" text null;`);
    // Rows written before the catalogue import were links made on purpose.
    this.addSql(`update "shopee_product_map" set "match_state" = 'matched', "match_source" = 'manual' where "variant_id" is not null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_product_map_profile_id_match_state" ON "shopee_product_map" ("profile_id", "match_state") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_product_map_profile_id_sku" ON "shopee_product_map" ("profile_id", "sku") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "shopee_sync_cursor" add column if not exists "catalogue_updated_until" integer null, add column if not exists "catalogue_run" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_shopee_product_map_profile_id_match_state";`);
    this.addSql(`drop index if exists "IDX_shopee_product_map_profile_id_sku";`);
    this.addSql(`delete from "shopee_product_map" where "variant_id" is null;`);
    this.addSql(`alter table if exists "shopee_product_map" alter column "variant_id" set not null;`);
    this.addSql(`alter table if exists "shopee_product_map" drop column if exists "sku", drop column if exists "item_sku", drop column if exists "model_sku", drop column if exists "item_name", drop column if exists "model_name", drop column if exists "item_status", drop column if exists "model_status", drop column if exists "shopee_stock", drop column if exists "reserved_stock", drop column if exists "shopee_update_time", drop column if exists "read_at", drop column if exists "match_state", drop column if exists "match_source", drop column if exists "match_reason";`);

    this.addSql(`alter table if exists "shopee_sync_cursor" drop column if exists "catalogue_updated_until", drop column if exists "catalogue_run";`);
  }

}

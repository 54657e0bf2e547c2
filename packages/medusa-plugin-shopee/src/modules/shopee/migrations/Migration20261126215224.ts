import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126215224 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "shopee_sync_cursor" drop constraint if exists "shopee_sync_cursor_profile_id_unique";`);
    this.addSql(`alter table if exists "shopee_product_map" drop constraint if exists "shopee_product_map_profile_id_variant_id_unique";`);
    this.addSql(`alter table if exists "shopee_product_map" drop constraint if exists "shopee_product_map_profile_id_item_id_model_id_unique";`);
    this.addSql(`alter table if exists "shopee_order_sync" drop constraint if exists "shopee_order_sync_environment_order_sn_unique";`);
    this.addSql(`create table if not exists "shopee_order_sync" ("id" text not null, "environment" text check ("environment" in ('sandbox', 'live')) not null, "order_sn" text not null, "shop_id" text not null, "profile_id" text null, "order_id" text null, "state" text check ("state" in ('claimed', 'imported', 'held', 'skipped')) not null default 'claimed', "state_reason" text null, "shopee_status" text null, "shopee_update_time" integer null, "currency" text null, "total_amount" real null, "buyer_username" text null, "tracking_number" text null, "paid" boolean not null default false, "last_raw_event_id" text null, "last_synced_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shopee_order_sync_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_order_sync_deleted_at" ON "shopee_order_sync" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_shopee_order_sync_environment_order_sn_unique" ON "shopee_order_sync" ("environment", "order_sn") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_order_sync_environment_shopee_status" ON "shopee_order_sync" ("environment", "shopee_status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_order_sync_environment_created_at" ON "shopee_order_sync" ("environment", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_order_sync_order_id" ON "shopee_order_sync" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "shopee_product_map" ("id" text not null, "environment" text check ("environment" in ('sandbox', 'live')) not null, "profile_id" text not null, "variant_id" text not null, "item_id" text not null, "model_id" text not null, "last_stock_sent" integer null, "last_stock_sent_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shopee_product_map_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_product_map_deleted_at" ON "shopee_product_map" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_shopee_product_map_profile_id_item_id_model_id_unique" ON "shopee_product_map" ("profile_id", "item_id", "model_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_shopee_product_map_profile_id_variant_id_unique" ON "shopee_product_map" ("profile_id", "variant_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "shopee_sync_cursor" ("id" text not null, "environment" text check ("environment" in ('sandbox', 'live')) not null, "profile_id" text not null, "orders_updated_until" integer null, "last_run_at" timestamptz null, "last_run_summary" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shopee_sync_cursor_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_sync_cursor_deleted_at" ON "shopee_sync_cursor" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_shopee_sync_cursor_profile_id_unique" ON "shopee_sync_cursor" ("profile_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "shopee_order_sync" cascade;`);

    this.addSql(`drop table if exists "shopee_product_map" cascade;`);

    this.addSql(`drop table if exists "shopee_sync_cursor" cascade;`);
  }

}

import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "shopee_stock_setting" drop constraint if exists "shopee_stock_setting_profile_id_unique";`);
    this.addSql(`alter table if exists "shopee_stock_model_state" drop constraint if exists "shopee_stock_model_state_profile_id_item_id_model_id_unique";`);
    this.addSql(`create table if not exists "shopee_stock_dirty_mark" ("id" text not null, "variant_id" text not null, "source" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shopee_stock_dirty_mark_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_stock_dirty_mark_deleted_at" ON "shopee_stock_dirty_mark" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_stock_dirty_mark_created_at" ON "shopee_stock_dirty_mark" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "shopee_stock_mode_change" ("id" text not null, "environment" text check ("environment" in ('sandbox', 'live')) not null, "profile_id" text not null, "from_mode" text check ("from_mode" in ('off', 'decrease_only', 'mirror')) not null, "to_mode" text check ("to_mode" in ('off', 'decrease_only', 'mirror')) not null, "buffer" integer not null, "max_writes_per_run" integer not null, "actor_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shopee_stock_mode_change_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_stock_mode_change_deleted_at" ON "shopee_stock_mode_change" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_stock_mode_change_profile_id_created_at" ON "shopee_stock_mode_change" ("profile_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "shopee_stock_model_state" ("id" text not null, "environment" text check ("environment" in ('sandbox', 'live')) not null, "profile_id" text not null, "item_id" text not null, "model_id" text not null, "anchor_shopee_stock" integer null, "anchor_pending" integer null, "anchor_imported_total" integer null, "last_medusa_available" integer null, "last_shopee_stock" integer null, "last_failure_stock" integer null, "last_failure_reason" text null, "last_failure_retry_can_help" boolean null, "promotion_locked" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shopee_stock_model_state_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_stock_model_state_deleted_at" ON "shopee_stock_model_state" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_shopee_stock_model_state_profile_id_item_id_model_id_unique" ON "shopee_stock_model_state" ("profile_id", "item_id", "model_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "shopee_stock_run" ("id" text not null, "environment" text check ("environment" in ('sandbox', 'live')) not null, "profile_id" text not null, "trigger" text check ("trigger" in ('fast', 'full', 'dry_run', 'restore')) not null, "mode" text check ("mode" in ('off', 'decrease_only', 'mirror')) not null, "status" text check ("status" in ('planning', 'planned', 'refused', 'writing', 'succeeded', 'partial', 'failed')) not null default 'planning', "reason" text null, "refusal_rule" text null, "restore_of" text null, "requested_by" text null, "models" integer not null default 0, "to_write" integer not null default 0, "sent" integer not null default 0, "written" integer not null default 0, "failed" integer not null default 0, "finished_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shopee_stock_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_stock_run_deleted_at" ON "shopee_stock_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_stock_run_profile_id_created_at" ON "shopee_stock_run" ("profile_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_stock_run_environment_created_at" ON "shopee_stock_run" ("environment", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "shopee_stock_run_row" ("id" text not null, "run_id" text not null, "map_id" text null, "item_id" text not null, "model_id" text not null, "variant_id" text not null, "shopee_before" integer null, "target" integer null, "available" integer null, "action" text check ("action" in ('write', 'none', 'skip', 'hold')) not null, "reason" text not null, "sent" integer null, "guard_reason" text null, "pending_shopee_sales" integer null, "result" text check ("result" in ('written', 'failed', 'not_sent')) null, "failure_level" text null, "failure_reason" text null, "failure_detail" text null, "retry_can_help" boolean null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shopee_stock_run_row_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_stock_run_row_deleted_at" ON "shopee_stock_run_row" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_stock_run_row_run_id" ON "shopee_stock_run_row" ("run_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "shopee_stock_setting" ("id" text not null, "environment" text check ("environment" in ('sandbox', 'live')) not null, "profile_id" text not null, "mode" text check ("mode" in ('off', 'decrease_only', 'mirror')) not null default 'off', "buffer" integer not null default 0, "max_writes_per_run" integer not null default 200, "mode_changed_by" text null, "mode_changed_at" timestamptz null, "consecutive_system_failures" integer not null default 0, "disarmed" boolean not null default false, "disarmed_reason" text null, "disarmed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shopee_stock_setting_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_stock_setting_deleted_at" ON "shopee_stock_setting" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_shopee_stock_setting_profile_id_unique" ON "shopee_stock_setting" ("profile_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "shopee_stock_dirty_mark" cascade;`);

    this.addSql(`drop table if exists "shopee_stock_mode_change" cascade;`);

    this.addSql(`drop table if exists "shopee_stock_model_state" cascade;`);

    this.addSql(`drop table if exists "shopee_stock_run" cascade;`);

    this.addSql(`drop table if exists "shopee_stock_run_row" cascade;`);

    this.addSql(`drop table if exists "shopee_stock_setting" cascade;`);
  }

}

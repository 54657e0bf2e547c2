import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126214718 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "shopee_raw_event" drop constraint if exists "shopee_raw_event_environment_dedupe_key_unique";`);
    this.addSql(`alter table if exists "shopee_auth_token" drop constraint if exists "shopee_auth_token_profile_id_shop_id_unique";`);
    this.addSql(`create table if not exists "connector_exception" ("id" text not null, "environment" text check ("environment" in ('sandbox', 'live')) null, "kind" text not null, "message" text not null, "payload_ref" text null, "status" text check ("status" in ('open', 'retrying', 'resolved')) not null default 'open', "attempts" integer not null default 0, "next_attempt_at" timestamptz null, "resolved_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "connector_exception_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_connector_exception_deleted_at" ON "connector_exception" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_connector_exception_environment_status" ON "connector_exception" ("environment", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_connector_exception_kind_payload_ref" ON "connector_exception" ("kind", "payload_ref") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "shopee_auth_token" ("id" text not null, "environment" text check ("environment" in ('sandbox', 'live')) not null, "profile_id" text not null, "shop_id" text not null, "access_token_encrypted" text not null, "refresh_token_encrypted" text not null, "access_expires_at" timestamptz not null, "refresh_expires_at" timestamptz not null, "last_refreshed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shopee_auth_token_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_auth_token_deleted_at" ON "shopee_auth_token" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_shopee_auth_token_profile_id_shop_id_unique" ON "shopee_auth_token" ("profile_id", "shop_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "shopee_raw_event" ("id" text not null, "environment" text check ("environment" in ('sandbox', 'live')) not null, "profile_id" text null, "path" text not null, "headers" jsonb null, "raw_body" text not null, "code" integer null, "shop_id" text null, "order_sn" text null, "shopee_timestamp" integer null, "signature_ok" boolean not null, "parse_error" text null, "status" text check ("status" in ('pending', 'processed', 'ignored', 'failed', 'duplicate', 'rejected')) not null default 'pending', "processed" boolean not null default false, "status_reason" text null, "attempts" integer not null default 0, "last_error" text null, "dedupe_key" text null, "duplicate_of" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shopee_raw_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_raw_event_deleted_at" ON "shopee_raw_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_shopee_raw_event_environment_dedupe_key_unique" ON "shopee_raw_event" ("environment", "dedupe_key") WHERE dedupe_key IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_raw_event_environment_status" ON "shopee_raw_event" ("environment", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_raw_event_environment_created_at" ON "shopee_raw_event" ("environment", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "connector_exception" cascade;`);

    this.addSql(`drop table if exists "shopee_auth_token" cascade;`);

    this.addSql(`drop table if exists "shopee_raw_event" cascade;`);
  }

}

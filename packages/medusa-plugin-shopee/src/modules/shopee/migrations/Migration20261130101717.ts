import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130101717 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "shopee_oauth_state_use" drop constraint if exists "shopee_oauth_state_use_nonce_unique";`);
    this.addSql(`create table if not exists "shopee_oauth_state_use" ("id" text not null, "nonce" text not null, "environment" text check ("environment" in ('sandbox', 'live')) not null, "profile_id" text not null, "actor_id" text null, "expires_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shopee_oauth_state_use_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_oauth_state_use_deleted_at" ON "shopee_oauth_state_use" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_shopee_oauth_state_use_nonce_unique" ON "shopee_oauth_state_use" ("nonce") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_oauth_state_use_expires_at" ON "shopee_oauth_state_use" ("expires_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "shopee_oauth_state_use" cascade;`);
  }

}

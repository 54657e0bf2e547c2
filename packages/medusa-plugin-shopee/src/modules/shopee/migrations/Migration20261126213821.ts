import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126213821 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "shopee_profile" drop constraint if exists "shopee_profile_environment_name_unique";`);
    this.addSql(`alter table if exists "shopee_profile" drop constraint if exists "shopee_profile_environment_unique";`);
    this.addSql(`create table if not exists "shopee_profile" ("id" text not null, "environment" text check ("environment" in ('sandbox', 'live')) not null, "name" text not null, "partner_id" text null, "partner_key_encrypted" text null, "push_partner_key_encrypted" text null, "shop_id" text null, "region" text check ("region" in ('GLOBAL', 'CHINA', 'BRAZIL', 'TEST_GLOBAL', 'TEST_CHINA')) not null, "api_base_url" text null, "default_location_id" text null, "is_active" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shopee_profile_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_profile_deleted_at" ON "shopee_profile" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_shopee_profile_environment_unique" ON "shopee_profile" ("environment") WHERE is_active = true AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_shopee_profile_environment_name_unique" ON "shopee_profile" ("environment", "name") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "shopee_profile" cascade;`);
  }

}

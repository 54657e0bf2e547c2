import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126212830 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "shopee_active_environment" ("id" text not null, "environment" text check ("environment" in ('sandbox', 'live')) not null default 'sandbox', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shopee_active_environment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_active_environment_deleted_at" ON "shopee_active_environment" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "shopee_active_environment" cascade;`);
  }

}

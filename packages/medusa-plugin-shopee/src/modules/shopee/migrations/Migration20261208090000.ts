import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Reconciliation runs, polled by the admin while one goes on in the background (models/shopee-reconcile-run.ts). */
export class Migration20261208090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "shopee_reconcile_run" ("id" text not null, "environment" text check ("environment" in ('sandbox', 'live')) not null, "profile_id" text not null, "trigger" text check ("trigger" in ('admin', 'scheduled')) not null, "status" text check ("status" in ('running', 'succeeded', 'failed')) not null default 'running', "phase" text check ("phase" in ('listing', 'importing', 'lost_pushes', 'done')) not null default 'listing', "done" integer not null default 0, "total" integer not null default 0, "summary" jsonb null, "error" text null, "started_at" timestamptz not null, "progress_at" timestamptz not null, "finished_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shopee_reconcile_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_reconcile_run_deleted_at" ON "shopee_reconcile_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_reconcile_run_environment_started_at" ON "shopee_reconcile_run" ("environment", "started_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "shopee_reconcile_run" cascade;`);
  }

}

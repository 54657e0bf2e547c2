import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Bounds on what the webhook stores for pushes it cannot process: the size a push arrived with
 * and its sender, duplicates counted on the first row, bursts of one exception folded into one,
 * and the per-minute counts the rate limit of rejected pushes reads.
 */
export class Migration20261203090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "shopee_raw_event" add column if not exists "body_bytes" integer null, add column if not exists "source" text null, add column if not exists "duplicate_count" integer not null default 0, add column if not exists "last_duplicate_at" timestamptz null;`);

    this.addSql(`alter table if exists "connector_exception" add column if not exists "occurrences" integer not null default 1, add column if not exists "first_seen_at" timestamptz null, add column if not exists "last_seen_at" timestamptz null;`);
    this.addSql(`update "connector_exception" set "first_seen_at" = "created_at", "last_seen_at" = "created_at" where "first_seen_at" is null;`);

    this.addSql(`create table if not exists "shopee_rejected_push_tally" ("id" text not null, "environment" text check ("environment" in ('sandbox', 'live')) not null, "source" text not null, "window_start" timestamptz not null, "received" integer not null default 0, "refused" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shopee_rejected_push_tally_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_rejected_push_tally_deleted_at" ON "shopee_rejected_push_tally" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_shopee_rejected_push_tally_environment_source_window_start_unique" ON "shopee_rejected_push_tally" ("environment", "source", "window_start") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_rejected_push_tally_window_start" ON "shopee_rejected_push_tally" ("window_start") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "shopee_rejected_push_tally" cascade;`);

    this.addSql(`alter table if exists "connector_exception" drop column if exists "occurrences", drop column if exists "first_seen_at", drop column if exists "last_seen_at";`);

    this.addSql(`alter table if exists "shopee_raw_event" drop column if exists "body_bytes", drop column if exists "source", drop column if exists "duplicate_count", drop column if exists "last_duplicate_at";`);
  }

}

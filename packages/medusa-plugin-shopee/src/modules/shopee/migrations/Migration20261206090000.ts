import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** The order's Shopee label (air waybill): where it stands on the sync row, and the stored file. */
export class Migration20261206090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "shopee_order_sync" add column if not exists "label_state" text check ("label_state" in ('requested', 'ready', 'failed')) null, add column if not exists "label_document_type" text null, add column if not exists "label_reason" text null, add column if not exists "label_file_id" text null, add column if not exists "label_file_url" text null, add column if not exists "label_requested_at" timestamptz null, add column if not exists "label_ready_at" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shopee_order_sync_environment_label_state" ON "shopee_order_sync" ("environment", "label_state") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_shopee_order_sync_environment_label_state";`);
    this.addSql(`alter table if exists "shopee_order_sync" drop column if exists "label_state", drop column if exists "label_document_type", drop column if exists "label_reason", drop column if exists "label_file_id", drop column if exists "label_file_url", drop column if exists "label_requested_at", drop column if exists "label_ready_at";`);
  }

}

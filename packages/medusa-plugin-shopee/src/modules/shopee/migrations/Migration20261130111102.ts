import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130111102 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "shopee_raw_event" add column if not exists "raw_body_base64" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "shopee_raw_event" drop column if exists "raw_body_base64";`);
  }

}

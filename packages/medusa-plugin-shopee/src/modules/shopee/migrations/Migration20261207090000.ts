import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The webhook caches the active environment and the active profiles' push keys
 * (config-cache/): every change to those tables, by the app, another process or direct SQL,
 * notifies the channel its listeners empty the cache on. Statement-level, so a bulk edit is one
 * notification; PostgreSQL delivers it at commit.
 */
export class Migration20261207090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create or replace function "shopee_notify_config_changed"() returns trigger language plpgsql as $$ begin perform pg_notify('shopee_config_changed', TG_TABLE_NAME); return null; end $$;`);
    for (const table of ["shopee_active_environment", "shopee_profile"]) {
      this.addSql(`drop trigger if exists "${table}_notify_config_changed" on "${table}";`);
      this.addSql(`create trigger "${table}_notify_config_changed" after insert or update or delete or truncate on "${table}" for each statement execute function "shopee_notify_config_changed"();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ["shopee_active_environment", "shopee_profile"]) {
      this.addSql(`drop trigger if exists "${table}_notify_config_changed" on "${table}";`);
    }
    this.addSql(`drop function if exists "shopee_notify_config_changed"();`);
  }

}

import pg from "pg"

/**
 * The connector's rows written straight into the server's database: the lists and the overview
 * read what pushes and imports would have stored, without running them.
 */
export class ShopeeRows {
  private constructor(private readonly client: pg.Client) {}

  static async connect(databaseUrl: string): Promise<ShopeeRows> {
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    return new ShopeeRows(client)
  }

  close(): Promise<void> {
    return this.client.end()
  }

  async clear(): Promise<void> {
    await this.client.query("DELETE FROM shopee_order_sync; DELETE FROM connector_exception; DELETE FROM shopee_raw_event")
  }

  query<T extends pg.QueryResultRow = any>(text: string, values?: unknown[]) {
    return this.client.query<T>(text, values)
  }

  private async insert(table: string, rows: Record<string, unknown>[]): Promise<void> {
    for (const row of rows) {
      const columns = Object.keys(row)
      await this.client.query(
        `INSERT INTO ${pg.escapeIdentifier(table)} (${columns.map((column) => pg.escapeIdentifier(column)).join(", ")})
         VALUES (${columns.map((_, index) => `$${index + 1}`).join(", ")})`,
        columns.map((column) => row[column])
      )
    }
  }

  private sequence = 0
  /** Rows written later are newer, so that the lists' newest-first order is the order of the calls. */
  private next(): { n: string; at: Date } {
    this.sequence += 1
    return { n: `${Date.now().toString(36)}${String(this.sequence).padStart(4, "0")}`, at: new Date(Date.now() + this.sequence * 1000) }
  }

  async orderSync(fields: { environment: string; order_sn: string; shopee_status?: string | null } & Record<string, unknown>) {
    const { n, at } = this.next()
    const row = {
      id: `shord_b${n}`,
      shop_id: fields.environment === "live" ? "880123" : "700001",
      state: fields.order_id ? "imported" : "claimed",
      shopee_status: "READY_TO_SHIP",
      paid: false,
      currency: "SGD",
      total_amount: 42.5,
      last_synced_at: at,
      created_at: at,
      updated_at: at,
      ...fields,
    }
    await this.insert("shopee_order_sync", [row])
    return row
  }

  async exception(fields: { environment: string | null; kind: string; message: string } & Record<string, unknown>) {
    const { n, at } = this.next()
    const row = { id: `shexc_b${n}`, status: "open", attempts: 0, created_at: at, updated_at: at, ...fields }
    await this.insert("connector_exception", [row])
    return row
  }

  async rawEvent(fields: { environment: string; code: number | null; body: unknown } & Record<string, unknown>) {
    const { n, at } = this.next()
    const { body, ...rest } = fields
    const row = {
      id: `shevt_b${n}`,
      path: `/connectors/shopee/webhook/${fields.environment}`,
      headers: JSON.stringify({ authorization: "signature" }),
      raw_body: typeof body === "string" ? body : JSON.stringify(body),
      signature_ok: true,
      status: "processed",
      processed: true,
      attempts: 1,
      created_at: at,
      updated_at: at,
      ...rest,
    }
    await this.insert("shopee_raw_event", [row])
    return row
  }
}

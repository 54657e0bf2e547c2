/** Every Open Platform request received, so tests can assert "exactly one refresh call". */
export interface RequestLogEntry {
  seq: number
  at_ms: number
  method: string
  path: string
  query: Record<string, string>
  partner_id: number | null
  shop_id: number | null
  /** A POST's JSON body (null for GET and for the auth endpoints), e.g. the stock_list of update_stock. */
  body: Record<string, unknown> | null
  status: number
  error: string
}

export class RequestLog {
  private entries: RequestLogEntry[] = []
  private seq = 0

  record(entry: Omit<RequestLogEntry, "seq">): void {
    this.entries.push({ seq: ++this.seq, ...entry })
  }

  list(filter: { path?: string } = {}): RequestLogEntry[] {
    return this.entries.filter((e) => filter.path === undefined || e.path === filter.path)
  }

  clear(): void {
    this.entries = []
  }
}

import type { Context } from "@medusajs/framework/types"
import type { ShopeeEnvironment } from "../environments"
import type { ShopeePluginOptions } from "../options"
import { ENCRYPTED_TABLES, secretContextOf, type EncryptedTable } from "./encrypted-columns"
import type { Keyring } from "./encryption-keys"
import { requireKeyring } from "./keyring"
import { decryptSecret, encryptSecret, keyIdOf } from "./secret-box"

export type RotationProgress = { done: number; total: number }
export type RotationReport = {
  dry_run: boolean
  key_id: string
  /** Ciphertexts written with an older key before this run. */
  pending: number
  reencrypted: number
  /** Ciphertexts that no key of this server can read; a person must re-enter them. */
  unreadable: number
}
export type RotationOptions = {
  dryRun?: boolean
  batchSize?: number
  onProgress?: (progress: RotationProgress) => void | Promise<void>
}

/** Which key wrote the ciphertexts of one column, and how many no key of this server reads. */
export type ColumnStatus = {
  table: string
  column: string
  total: number
  on_current_key: number
  unreadable: number
  by_key: Record<string, number>
}
export type EncryptionStatus = {
  key_id: string
  by_key: Record<string, number>
  total: number
  on_current_key: number
  unreadable: number
  columns: ColumnStatus[]
}

/** One statement, `?` placeholders, in the caller's transaction when the context has one. */
export type RunSql = (text: string, params: unknown[], sharedContext?: Context) => Promise<Record<string, unknown>[]>

type StoredRow = { id: string; environment: ShopeeEnvironment } & Record<string, string | null>

const STATUS_BATCH = 500

/**
 * Which key wrote each stored secret, and moving them all onto the current key. Works on every
 * table of ENCRYPTED_TABLES in plain SQL, soft-deleted rows included: a rotation retires the
 * old key, so nothing may stay readable only with it.
 */
export class KeyRotation {
  constructor(
    private readonly sql: RunSql,
    private readonly options: ShopeePluginOptions
  ) {}

  /** How many ciphertexts each key wrote, per column; everything on the current key and readable means a finished rotation. */
  async status(sharedContext: Context): Promise<EncryptionStatus> {
    const keyring = requireKeyring(this.options)
    const columns: ColumnStatus[] = []
    for (const table of ENCRYPTED_TABLES) {
      const tallies = Object.keys(table.columns).map((column) => ({
        table: table.table,
        column,
        total: 0,
        on_current_key: 0,
        unreadable: 0,
        by_key: {} as Record<string, number>,
      }))
      for await (const rows of this.batches(table, STATUS_BATCH, null, sharedContext)) {
        for (const row of rows) {
          for (const tally of tallies) {
            const stored = row[tally.column]
            if (!stored) continue
            const id = keyIdOf(stored) ?? "unknown"
            tally.total += 1
            tally.by_key[id] = (tally.by_key[id] ?? 0) + 1
            if (id === keyring.current.id) tally.on_current_key += 1
            try {
              decryptSecret(stored, keyring, secretContextOf(table, row, tally.column))
            } catch {
              tally.unreadable += 1
            }
          }
        }
      }
      columns.push(...tallies)
    }
    const by_key: Record<string, number> = {}
    for (const tally of columns) {
      for (const [id, count] of Object.entries(tally.by_key)) by_key[id] = (by_key[id] ?? 0) + count
    }
    const sum = (field: "total" | "on_current_key" | "unreadable") => columns.reduce((total, tally) => total + tally[field], 0)
    return {
      key_id: keyring.current.id,
      by_key,
      total: sum("total"),
      on_current_key: sum("on_current_key"),
      unreadable: sum("unreadable"),
      columns,
    }
  }

  /**
   * Re-encrypts every secret written with an older key, a batch of rows at a time. Each row is
   * rewritten only if its ciphertexts are still the ones read (a concurrent write wins), and
   * every ciphertext stays readable throughout: an interrupted run leaves old and new
   * ciphertexts, both readable while the old key is configured as a previous key, and a second
   * run finishes the job.
   */
  async rotate(options: RotationOptions): Promise<RotationReport> {
    const keyring = requireKeyring(this.options)
    const batchSize = Math.max(1, options.batchSize ?? 100)
    const report: RotationReport = { dry_run: !!options.dryRun, key_id: keyring.current.id, pending: 0, reencrypted: 0, unreadable: 0 }
    let total = 0
    for (const table of ENCRYPTED_TABLES) {
      const columns = Object.keys(table.columns)
      const [counted] = await this.sql(
        `select count(*)::int as rows, ${columns.map((column) => `count(*) filter (where ${staleWhere([column])})::int as "${column}"`).join(", ")}
          from "${table.table}" where ${staleWhere(columns)}`,
        [...staleParams(columns, keyring), ...staleParams(columns, keyring)]
      )
      total += Number(counted.rows)
      report.pending += columns.reduce((sum, column) => sum + Number(counted[column]), 0)
    }
    if (options.dryRun) {
      await options.onProgress?.({ done: 0, total })
      return report
    }
    let done = 0
    for (const table of ENCRYPTED_TABLES) {
      for await (const rows of this.batches(table, batchSize, keyring, {})) {
        for (const row of rows) {
          const outcome = await this.reencrypt(table, row, keyring)
          report.reencrypted += outcome.reencrypted
          report.unreadable += outcome.unreadable
          done += 1
        }
        await options.onProgress?.({ done, total })
      }
    }
    return report
  }

  /**
   * The table's rows in id order, a batch at a time; only those with a ciphertext of another key
   * when a keyring is given. Paged by id, so rows that stay stale (unreadable) are passed once.
   */
  private async *batches(
    table: EncryptedTable,
    size: number,
    staleFor: Keyring | null,
    sharedContext: Context
  ): AsyncGenerator<StoredRow[]> {
    const columns = Object.keys(table.columns)
    const filter = staleFor ? staleWhere(columns) : columns.map((column) => `"${column}" is not null`).join(" or ")
    let after = ""
    for (;;) {
      const rows = (await this.sql(
        `select id, environment, ${columns.map((column) => `"${column}"`).join(", ")} from "${table.table}"
          where id > ? and (${filter}) order by id limit ?`,
        [after, ...(staleFor ? staleParams(columns, staleFor) : []), size],
        sharedContext
      )) as StoredRow[]
      if (rows.length === 0) return
      yield rows
      after = rows[rows.length - 1].id
    }
  }

  /** One row's stale secrets on the current key, in one conditional update (compare and set). */
  private async reencrypt(table: EncryptedTable, row: StoredRow, keyring: Keyring): Promise<{ reencrypted: number; unreadable: number }> {
    const rewritten: { column: string; next: string; read: string }[] = []
    let unreadable = 0
    for (const column of Object.keys(table.columns)) {
      const stored = row[column]
      if (!stored || keyIdOf(stored) === keyring.current.id) continue
      const context = secretContextOf(table, row, column)
      try {
        rewritten.push({ column, next: encryptSecret(decryptSecret(stored, keyring, context), keyring, context), read: stored })
      } catch {
        unreadable += 1
      }
    }
    if (rewritten.length === 0) {
      return { reencrypted: 0, unreadable }
    }
    const updated = await this.sql(
      `update "${table.table}" set ${rewritten.map(({ column }) => `"${column}" = ?`).join(", ")}
        where id = ? and ${rewritten.map(({ column }) => `"${column}" = ?`).join(" and ")} returning id`,
      [...rewritten.map(({ next }) => next), row.id, ...rewritten.map(({ read }) => read)]
    )
    return { reencrypted: updated.length > 0 ? rewritten.length : 0, unreadable }
  }
}

/** A row holds a ciphertext of another key in one of these columns (params from staleParams). */
function staleWhere(columns: string[]): string {
  return columns.map((column) => `("${column}" is not null and "${column}" not like ?)`).join(" or ")
}

function staleParams(columns: string[], keyring: Keyring): string[] {
  return columns.map(() => `v1:${keyring.current.id}:%`)
}

import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"

type RotationReport = { dry_run: boolean; key_id: string; pending: number; reencrypted: number; unreadable: number }
type ColumnStatus = { table: string; column: string; total: number; on_current_key: number; unreadable: number }
type EncryptionStatus = {
  key_id: string
  by_key: Record<string, number>
  total: number
  on_current_key: number
  unreadable: number
  columns: ColumnStatus[]
}
type ShopeeEncryption = {
  rotateEncryption(options: {
    dryRun?: boolean
    batchSize?: number
    onProgress?: (progress: { done: number; total: number }) => void
  }): Promise<RotationReport>
  encryptionStatus(): Promise<EncryptionStatus>
}

/**
 * Re-encrypts every stored Shopee secret with the current key (SHOPEE_ENCRYPTION_KEY), reading
 * the old ones with SHOPEE_ENCRYPTION_KEY_PREVIOUS: every encrypted column of every table (the
 * plugin's ENCRYPTED_TABLES: profile keys and shop tokens). Prints progress, then verifies per
 * table and column that every secret is on the current key and readable; exits non-zero when
 * not. Safe to run again after an interruption: it picks up what is left.
 */
export async function rotateShopeeKey(container: MedusaContainer, args: string[], print: (line: string) => void): Promise<boolean> {
  // `medusa exec` takes dashed words as its own options, so `dry-run` and `batch-size=N` are
  // accepted without dashes too.
  const words = args.map((arg) => arg.replace(/^--/, ""))
  const dryRun = words.includes("dry-run")
  const batchArg = words.find((word) => word.startsWith("batch-size="))
  const batchSize = batchArg ? Number(batchArg.split("=")[1]) : 100
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    print(`batch-size must be a positive integer (got "${batchArg?.split("=")[1]}")`)
    return false
  }
  const shopee = container.resolve<ShopeeEncryption>("shopee")
  const report = await shopee.rotateEncryption({
    dryRun,
    batchSize,
    onProgress: ({ done, total }) => {
      if (!dryRun) print(`re-encrypted ${done}/${total} rows (${total === 0 ? 100 : Math.round((done / total) * 100)}%)`)
    },
  })
  print(
    dryRun
      ? `dry run: ${report.pending} secrets would move to key ${report.key_id}`
      : `done: ${report.reencrypted} secrets moved to key ${report.key_id}, ${report.unreadable} unreadable`
  )
  const status = await shopee.encryptionStatus()
  const finished = status.on_current_key === status.total && status.unreadable === 0
  print(`verify: ${status.on_current_key}/${status.total} secrets on key ${status.key_id}, ${status.unreadable} unreadable`)
  for (const column of status.columns) {
    const left = column.on_current_key < column.total || column.unreadable > 0
    print(
      `  ${column.table}.${column.column}: ${column.on_current_key}/${column.total} on key, ${column.unreadable} unreadable${left ? " — NOT DONE" : ""}`
    )
  }
  if (!finished && !dryRun) {
    print(
      "verify FAILED: secrets are left on an older key or unreadable. Keep SHOPEE_ENCRYPTION_KEY_PREVIOUS set and run again; re-enter (or reconnect the shop for) the unreadable ones."
    )
  }
  return dryRun || finished
}

export default async function ({ container, args }: ExecArgs): Promise<void> {
  const ok = await rotateShopeeKey(container, args ?? [], (line) => console.log(line))
  if (!ok) {
    process.exitCode = 1
  }
}

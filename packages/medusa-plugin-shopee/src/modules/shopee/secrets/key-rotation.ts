import type { Context } from "@medusajs/framework/types"
import type { ShopeePluginOptions } from "../options"
import type { ProfileRow, ShopeeTableAccess } from "../tables"
import { PROFILE_SECRETS, PROFILE_SECRET_NAMES, profileSecretContext } from "./encrypted-columns"
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

type ProfileTable = Pick<ShopeeTableAccess, "listShopeeProfiles" | "updateShopeeProfiles">

/** Which key wrote each stored secret, and moving them all onto the current key. */
export class KeyRotation {
  constructor(
    private readonly profiles: ProfileTable,
    private readonly options: ShopeePluginOptions
  ) {}

  /** How many ciphertexts each key wrote; everything on the current key means a finished rotation. */
  async status(sharedContext: Context) {
    const keyring = requireKeyring(this.options)
    const byKey: Record<string, number> = {}
    let unreadable = 0
    for (const row of await this.profiles.listShopeeProfiles({}, {}, sharedContext)) {
      for (const secret of PROFILE_SECRET_NAMES) {
        const stored = row[PROFILE_SECRETS[secret]]
        if (!stored) continue
        const id = keyIdOf(stored) ?? "unknown"
        byKey[id] = (byKey[id] ?? 0) + 1
        try {
          decryptSecret(stored, keyring, profileSecretContext(row, secret))
        } catch {
          unreadable += 1
        }
      }
    }
    const total = Object.values(byKey).reduce((sum, count) => sum + count, 0)
    return { key_id: keyring.current.id, by_key: byKey, total, on_current_key: byKey[keyring.current.id] ?? 0, unreadable }
  }

  /**
   * Re-encrypts every secret written with an older key, a batch at a time. Each row is
   * rewritten only if its ciphertext is still the one read (a concurrent PATCH wins), and every
   * ciphertext stays readable throughout: an interrupted run leaves old and new ciphertexts,
   * both readable while the old key is configured as a previous key, and a second run
   * finishes the job.
   */
  async rotate(options: RotationOptions): Promise<RotationReport> {
    const keyring = requireKeyring(this.options)
    const batchSize = Math.max(1, options.batchSize ?? 100)
    const columns = Object.values(PROFILE_SECRETS)
    const isStale = (stored: string | null) => !!stored && keyIdOf(stored) !== keyring.current.id
    const rows = await this.profiles.listShopeeProfiles({}, { select: ["id", "environment", ...columns] })
    const stale = rows.filter((row) => columns.some((column) => isStale(row[column])))
    const report: RotationReport = { dry_run: !!options.dryRun, key_id: keyring.current.id, pending: 0, reencrypted: 0, unreadable: 0 }
    report.pending = stale.reduce((sum, row) => sum + columns.filter((column) => isStale(row[column])).length, 0)
    if (options.dryRun) {
      await options.onProgress?.({ done: 0, total: stale.length })
      return report
    }
    let done = 0
    for (let start = 0; start < stale.length; start += batchSize) {
      for (const row of stale.slice(start, start + batchSize)) {
        const outcome = await this.reencrypt(row, keyring)
        report.reencrypted += outcome.reencrypted
        report.unreadable += outcome.unreadable
        done += 1
      }
      await options.onProgress?.({ done, total: stale.length })
    }
    return report
  }

  /** One row's stale secrets on the current key, in one conditional update (compare and set). */
  private async reencrypt(row: ProfileRow, keyring: Keyring): Promise<{ reencrypted: number; unreadable: number }> {
    const data: Record<string, string> = {}
    const expected: Record<string, string> = {}
    let unreadable = 0
    for (const secret of PROFILE_SECRET_NAMES) {
      const column = PROFILE_SECRETS[secret]
      const stored = row[column]
      if (!stored || keyIdOf(stored) === keyring.current.id) continue
      const context = profileSecretContext(row, secret)
      try {
        data[column] = encryptSecret(decryptSecret(stored, keyring, context), keyring, context)
        expected[column] = stored
      } catch {
        unreadable += 1
      }
    }
    if (Object.keys(data).length === 0) {
      return { reencrypted: 0, unreadable }
    }
    const updated = await this.profiles.updateShopeeProfiles({ selector: { id: row.id, ...expected }, data })
    return { reencrypted: updated.length > 0 ? Object.keys(data).length : 0, unreadable }
  }
}

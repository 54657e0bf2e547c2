/**
 * Medusa turns PostgreSQL's unique violation into an "invalid data … already exists" error;
 * raw driver errors say "duplicate key". Either means another writer got there first.
 */
export function isUniqueViolation(error: unknown): boolean {
  return /already exists|duplicate key/i.test(String((error as Error)?.message ?? error))
}

/** A table that the module's migrations have not created yet. */
export function isMissingTable(error: unknown): boolean {
  return /relation "[^"]+" does not exist/.test(String((error as Error)?.message ?? error))
}

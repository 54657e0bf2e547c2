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

/**
 * Names a database failure without its message: driver and ORM messages quote the statement
 * with its values (a whole push body), which must never reach a log or a stored reason.
 */
export function databaseErrorName(error: unknown): string {
  const code = (error as { code?: unknown })?.code
  const name = (error as Error)?.constructor?.name ?? "Error"
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? `${name}, SQLSTATE ${code}` : name
}

/** A push that could not be stored even as rejected; its message is safe to log. */
export class PushNotStoredError extends Error {
  constructor(cause: unknown) {
    super(`The push could not be stored (${databaseErrorName(cause)})`)
    this.name = "PushNotStoredError"
  }
}

/** By name, not class: the route and the module may load their own copies of this file. */
export function isPushNotStored(error: unknown): error is PushNotStoredError {
  return (error as Error)?.name === "PushNotStoredError"
}

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

/** Socket errors of a connection that could not be made or was cut. */
const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH"])

/**
 * No statement could reach the database: it refused or cut the connection (a socket error, a
 * SQLSTATE of class 08, a shutdown or a start-up in progress: 57P01 to 57P03), or the pool had no
 * connection to give in time. Such a failure says nothing about the statement, so trying the same
 * writes again one by one is pointless until the database answers again.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code
  if (typeof code === "string" && (CONNECTION_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code))) {
    return true
  }
  // pg and knex name these only in the message (no code): a connection ended mid-statement, an
  // acquire that timed out.
  return /Connection terminated|Timeout acquiring a connection|not queryable/i.test(String((error as Error)?.message ?? ""))
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

import pg from "pg"

/** The URL with its password replaced, safe to print. */
export function maskDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) {
      parsed.password = "****"
    }
    return parsed.toString()
  } catch {
    return "<unparseable DATABASE_URL>"
  }
}

export class DatabaseUnreachableError extends Error {}

/**
 * Creates the URL's database when it does not exist yet. `medusa db:create` would rewrite
 * `.env`, so the database is created here through the server's maintenance database.
 */
export async function ensureDatabase(url: string): Promise<void> {
  const parsed = new URL(url)
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ""))
  if (!name) {
    throw new DatabaseUnreachableError(`DATABASE_URL ${maskDatabaseUrl(url)} names no database`)
  }
  parsed.pathname = "/postgres"
  const admin = new pg.Client({ connectionString: parsed.toString(), connectionTimeoutMillis: 5000 })
  try {
    await admin.connect()
  } catch (error) {
    throw new DatabaseUnreachableError(`PostgreSQL at ${maskDatabaseUrl(url)} does not answer: ${(error as Error).message}`)
  }
  try {
    const existing = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    if (existing.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`)
    }
  } finally {
    await admin.end()
  }
}

/** Whether a PostgreSQL server accepts a connection with these settings. */
export async function canConnect(config: pg.ClientConfig): Promise<boolean> {
  const client = new pg.Client({ ...config, database: "postgres", connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query("SELECT 1")
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

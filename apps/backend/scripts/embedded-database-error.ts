/**
 * A failure of the embedded PostgreSQL that the user can act on. Its message is one sentence
 * naming the cause and the ways out, meant to be printed as it is, without a stack trace.
 */
export class EmbeddedDatabaseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "EmbeddedDatabaseError"
  }
}

/** The sentence for `cause`, with the fixes that apply to whoever runs the start unless `fixes` are given. */
export function cannotStart(cause: string, asRoot: boolean, fixes?: string): EmbeddedDatabaseError {
  fixes ??= asRoot
    ? "set DATABASE_URL to a PostgreSQL of your own, put the project in a folder the postgres user may enter, or start it as a non-root user"
    : "set DATABASE_URL to a PostgreSQL of your own, or put the project in a folder you may write to"
  return new EmbeddedDatabaseError(`The embedded PostgreSQL cannot start: ${cause}; ${fixes}.`)
}

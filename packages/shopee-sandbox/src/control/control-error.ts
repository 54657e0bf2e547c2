/** A control API failure: `{error, field?, message}` with an HTTP status. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly error: "invalid_field" | "invalid_json" | "not_found" | "conflict" | "method_not_allowed",
    message: string,
    readonly field: string | null = null
  ) {
    super(message)
  }
}

export function invalidField(field: string, message: string): ControlError {
  return new ControlError(400, "invalid_field", `${field}: ${message}`, field)
}

export function notFound(message: string): ControlError {
  return new ControlError(404, "not_found", message)
}

export function conflict(message: string): ControlError {
  return new ControlError(409, "conflict", message)
}

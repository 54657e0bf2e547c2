import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * PostgreSQL's text cannot hold a NUL character: a value with one fails in the database with a
 * 500. Admin inputs that reach a text column or a query are refused first, naming the field.
 */
export const hasNoNul = (value: string): boolean => !value.includes("\u0000")

export const noNulMessage = (field: string) => `${field} must not contain a NUL character`

/** For routes with ids in the path (`/events/:id`): a 400 naming the parameter. */
export function refuseNulInPathParameters(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  for (const [name, value] of Object.entries(req.params ?? {})) {
    if (typeof value === "string" && !hasNoNul(value)) {
      res.status(400).json({ type: "invalid_data", message: noNulMessage(name) })
      return
    }
  }
  next()
}

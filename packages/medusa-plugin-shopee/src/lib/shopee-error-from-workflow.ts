import { isShopeeError, ShopeeError } from "@shopee-medusa/shopee-client"

/**
 * What an operator reads of a Shopee failure: the path, Shopee's error code and message, and the
 * request id Shopee's support asks for. The client redacted secrets from all of them.
 */
export function shopeeFailureMessage(error: ShopeeError): string {
  const request = error.request_id ? ` (request id ${error.request_id})` : ""
  return `Shopee failed on ${error.path}: ${error.error ? `${error.error}: ` : ""}${error.message}${request}`
}

/**
 * A workflow hands back a failed step's error as a plain copy of its fields, not as its class, so
 * a Shopee failure from a workflow is no longer a ShopeeError. This makes it one again (its fields
 * carry no secret: the client redacted them), so that `answerShopeeFailures` answers it with a 502;
 * anything else is returned as it came.
 */
export function shopeeErrorFromWorkflow(error: unknown): unknown {
  if (isShopeeError(error) || typeof error !== "object" || error === null) return error
  const copy = error as Record<string, unknown>
  if (typeof copy.name !== "string" || !/^Shopee[A-Za-z]*Error$/.test(copy.name)) return error
  if (typeof copy.path !== "string" || typeof copy.message !== "string") return error
  return new ShopeeError({
    path: copy.path,
    message: copy.message,
    status: typeof copy.status === "number" ? copy.status : undefined,
    request_id: typeof copy.request_id === "string" ? copy.request_id : undefined,
    error: typeof copy.error === "string" ? copy.error : undefined,
  })
}

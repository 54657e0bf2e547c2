import type { ExceptionKind } from "../exceptions/vocabulary"

export type PushRejection = { kind: Extract<ExceptionKind, "push_signature_invalid" | "push_unreadable">; message: string }

/**
 * Why a push is stored as rejected rather than processed, for the person who reads its
 * exception; null for a push that can be processed. A bad signature is named first: the body of
 * a forged push tells nothing.
 */
export function pushRejection(input: {
  signature_ok: boolean
  parse_error: string | null
  /** The URL the push arrived at, as Shopee signs it. */
  url: string
  environment: string
}): PushRejection | null {
  if (!input.signature_ok) {
    return {
      kind: "push_signature_invalid",
      message: `The push's Authorization signature does not match (URL ${input.url}); it was stored but not processed. Check the push partner key of the ${input.environment} profile.`,
    }
  }
  if (input.parse_error) {
    return { kind: "push_unreadable", message: `${input.parse_error}; the push was stored but not processed.` }
  }
  return null
}

/**
 * A push body as the `raw_body` text column can hold it, with its exact bytes alongside when
 * that text is not them. PostgreSQL text cannot hold a NUL character, and decoding bytes that
 * are not UTF-8 replaces them, so such a body keeps its bytes as base64 and names its problem.
 */
export type StoredPushBody = {
  /** What people and the parser read: the body as UTF-8, NUL shown as U+FFFD. */
  text: string
  /** The exact bytes, only when `text` is not them. */
  base64: string | null
  /** Why the body cannot be a push, before any parsing; null for well-formed text. */
  problem: string | null
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true })

export function storedPushBody(bytes: Buffer): StoredPushBody {
  let text: string
  let problem: string | null = null
  try {
    text = strictUtf8.decode(bytes)
  } catch {
    text = bytes.toString("utf8")
    problem = "The body is not UTF-8 text"
  }
  if (text.includes("\u0000")) {
    text = text.replaceAll("\u0000", "\uFFFD")
    // JSON allows no raw control character anywhere, so a NUL byte alone makes it unreadable.
    problem ??= "The body contains a NUL byte, which JSON does not allow"
  }
  return { text, base64: problem ? bytes.toString("base64") : null, problem }
}

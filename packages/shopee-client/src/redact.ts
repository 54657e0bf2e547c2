/** Replaces every occurrence of each secret in a text meant for an error message or a log. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text
  for (const secret of secrets) {
    // Very short values (a shop id, a 1-character key in a test) would shred the text and hide nothing.
    if (secret !== undefined && secret.length >= 6) out = out.split(secret).join("[redacted]")
  }
  return out
}

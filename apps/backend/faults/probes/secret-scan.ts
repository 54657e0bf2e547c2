/** A text the run produced: a response body or the log, named for the report. */
export type ScannedText = { source: string; text: string }

export type SecretForm = "plain" | "url-encoded" | "base64" | "base64url"

/** Where a secret was found. The secret is named by its place in the list, never shown. */
export type SecretFinding = { source: string; form: SecretForm; secret: string; offset: number }

/** Shorter values would match by chance; every secret the connector keeps is far longer. */
export const SHORTEST_SCANNED_SECRET = 8

/**
 * The text a secret takes inside a base64 stream. Base64 encodes 3 bytes as 4 characters, so the
 * secret's characters depend on where it starts in the encoded bytes: for each of the 3
 * alignments this is the run of characters that only the secret's own bits decide (the ones
 * shared with a neighbouring byte are left off), which is found whatever surrounds it.
 */
export function base64Needles(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8")
  const needles: string[] = []
  for (let align = 0; align < 3; align++) {
    const encoded = Buffer.concat([Buffer.alloc(align), bytes]).toString("base64")
    needles.push(encoded.slice(Math.ceil((8 * align) / 6), Math.floor((8 * (align + bytes.length)) / 6)))
  }
  return needles
}

/** Every form a secret is looked for in: as is, URL-encoded, and base64 and base64url at any alignment. */
export function secretForms(secret: string): { form: SecretForm; needle: string }[] {
  const forms: { form: SecretForm; needle: string }[] = [{ form: "plain", needle: secret }]
  const urlEncoded = encodeURIComponent(secret)
  if (urlEncoded !== secret) forms.push({ form: "url-encoded", needle: urlEncoded })
  for (const needle of base64Needles(secret)) {
    forms.push({ form: "base64", needle })
    const urlSafe = needle.replace(/\+/g, "-").replace(/\//g, "_")
    if (urlSafe !== needle) forms.push({ form: "base64url", needle: urlSafe })
  }
  return forms
}

/**
 * Every place one of `secrets` appears in `texts`, in any of its forms. Secrets shorter than
 * SHORTEST_SCANNED_SECRET are not looked for (see `unscannable`), and an empty list is no proof:
 * the caller prints how many secrets and texts were scanned.
 */
export function scanForSecrets(texts: ScannedText[], secrets: string[]): { findings: SecretFinding[]; unscannable: number } {
  const findings: SecretFinding[] = []
  const scanned = [...new Set(secrets)]
  let unscannable = 0
  scanned.forEach((secret, index) => {
    if (secret.length < SHORTEST_SCANNED_SECRET) {
      unscannable += 1
      return
    }
    const name = `secret ${index + 1} of ${scanned.length} (${secret.length} characters)`
    for (const { form, needle } of secretForms(secret)) {
      for (const { source, text } of texts) {
        const offset = text.indexOf(needle)
        if (offset >= 0) findings.push({ source, form, secret: name, offset })
      }
    }
  })
  return { findings, unscannable }
}

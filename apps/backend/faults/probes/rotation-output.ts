/** What the rotation CLI (`npm run shopee:rotate-key`) printed, read back by a probe. */

/** `re-encrypted 3/12 rows (25%)`: the batches done so far. */
export function progressOf(line: string): { done: number; total: number } | null {
  const match = /^re-encrypted (\d+)\/(\d+) rows/.exec(line.trim())
  return match ? { done: Number(match[1]), total: Number(match[2]) } : null
}

/** `verify: 4/4 secrets on key 1a2b3c4d, 0 unreadable`: how far the store is on the current key. */
export function verifyOf(output: string): { onKey: number; total: number; keyId: string; unreadable: number } | null {
  const match = /^verify: (\d+)\/(\d+) secrets on key ([0-9a-f]+), (\d+) unreadable/m.exec(output)
  return match ? { onKey: Number(match[1]), total: Number(match[2]), keyId: match[3], unreadable: Number(match[4]) } : null
}

/** The key a stored ciphertext (`v1:<key id>:<iv>:<tag>:<data>`) was written with. */
export function keyIdOfCiphertext(stored: string): string | null {
  return /^v1:([0-9a-f]+):/.exec(stored)?.[1] ?? null
}

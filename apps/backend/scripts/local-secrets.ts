import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"

export type LocalSecrets = { JWT_SECRET: string; COOKIE_SECRET: string }

/**
 * JWT_SECRET also derives the key that encrypts Shopee secrets at rest, so a demo store must
 * keep the same one across restarts: generated once, kept beside the data it protects.
 */
export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "secrets.json")
  if (fs.existsSync(file)) {
    return JSON.parse(fs.readFileSync(file, "utf8")) as LocalSecrets
  }
  const secrets: LocalSecrets = {
    JWT_SECRET: crypto.randomBytes(32).toString("hex"),
    COOKIE_SECRET: crypto.randomBytes(32).toString("hex"),
  }
  fs.mkdirSync(dataDir, { recursive: true })
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}

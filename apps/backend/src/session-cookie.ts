/**
 * In production (`medusa start`, which `npm start` runs) Medusa marks the admin's session cookie
 * `Secure`, and express-session then never sends it over plain http: the login page loops. A
 * store whose public URL is plain http on this machine's loopback is a local demo that no one
 * else can reach, so its cookie may go without `Secure`. Every other store, including one with
 * no public URL configured, keeps Medusa's defaults, so a deployment served over https is never
 * weakened. `sameSite` stays Medusa's own (`lax` in production) in every case.
 */
export function sessionCookieOptions(env: NodeJS.ProcessEnv): { secure: false } | undefined {
  const publicUrl = env.SHOPEE_PUBLIC_URL || env.MEDUSA_BACKEND_URL
  if (!publicUrl) return undefined
  let url: URL
  try {
    url = new URL(publicUrl)
  } catch {
    return undefined
  }
  return url.protocol === "http:" && isLoopbackHost(url.hostname) ? { secure: false } : undefined
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname.endsWith(".localhost") || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname)
}

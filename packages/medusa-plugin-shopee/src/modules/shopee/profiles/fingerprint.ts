/** Below this length a fingerprint shows nothing of the secret: 4 characters would be a third or more of it. */
export const FINGERPRINT_HIDDEN_BELOW = 12
/** From this length on it also shows the first 4 characters (8 of 32+ leaves 24+ unknown); below, only the last 4. */
export const FINGERPRINT_FULL_FROM = 32

/**
 * What a person may see of a secret: enough to tell two secrets apart and to check a paste,
 * never enough to use it. `shpk…5863·len64` for Shopee's 64-character keys; `…5863·len20` for
 * a shorter secret; `****·len8` for a very short one.
 */
export function fingerprint(secret: string): string {
  if (secret.length < FINGERPRINT_HIDDEN_BELOW) {
    return `****·len${secret.length}`
  }
  if (secret.length < FINGERPRINT_FULL_FROM) {
    return `…${secret.slice(-4)}·len${secret.length}`
  }
  return `${secret.slice(0, 4)}…${secret.slice(-4)}·len${secret.length}`
}

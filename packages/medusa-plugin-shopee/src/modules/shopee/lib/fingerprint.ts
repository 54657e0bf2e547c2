/**
 * What a person may see of a secret: enough to tell two secrets apart and to check a paste,
 * never enough to use it. `shpk…5863·len64`. A short secret shows only its length, since its
 * first and last four characters would be most of it.
 */
export function fingerprint(secret: string): string {
  if (secret.length < 16) {
    return `****·len${secret.length}`
  }
  return `${secret.slice(0, 4)}…${secret.slice(-4)}·len${secret.length}`
}

import { randomInt } from "node:crypto"

const SN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"

function randomDigits(length: number): string {
  let out = String(randomInt(1, 10))
  while (out.length < length) out += String(randomInt(0, 10))
  return out
}

/** Shopee's order_sn shape: the date (YYMMDD, UTC+8) then 8 characters, e.g. 220810QSK8S7BX. */
export function newOrderSn(nowMs: number, taken: (sn: string) => boolean): string {
  const d = new Date(nowMs + 8 * 60 * 60 * 1000)
  const date = `${String(d.getUTCFullYear()).slice(2)}${String(d.getUTCMonth() + 1).padStart(2, "0")}${String(d.getUTCDate()).padStart(2, "0")}`
  for (;;) {
    let tail = ""
    for (let i = 0; i < 8; i++) tail += SN_ALPHABET[randomInt(0, SN_ALPHABET.length)]
    const sn = date + tail
    if (!taken(sn)) return sn
  }
}

export function newPackageNumber(): string {
  return `OFG${randomDigits(15)}`
}

export function newForderId(): string {
  return randomDigits(19)
}

export function newTrackingNumber(region: string): string {
  return `${region}${randomDigits(12)}SPX`
}

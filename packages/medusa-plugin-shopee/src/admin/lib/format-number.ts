/** An amount in its currency as `locale` writes it ("VND 150,000", "150.000 VND"); "—" for none. */
export function formatAmount(amount: number | null | undefined, currency: string | null | undefined, locale?: string): string {
  if (amount === null || amount === undefined) return "—"
  if (currency) {
    try {
      return new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: "code" }).format(amount)
    } catch {
      // Not an ISO 4217 code: the number, then the code as Shopee sent it.
      return `${formatNumber(amount, locale)} ${currency}`
    }
  }
  return formatNumber(amount, locale)
}

/** A count or quantity with the locale's grouping, at most two decimals. */
export function formatNumber(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)
}

/** A size in B, kB or MB, its number as `locale` writes it. */
export function formatBytes(bytes: number, locale?: string): string {
  const oneDecimal = (value: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)
  if (bytes < 1024) return `${formatNumber(bytes, locale)} B`
  if (bytes < 1024 * 1024) return `${oneDecimal(bytes / 1024)} kB`
  return `${oneDecimal(bytes / (1024 * 1024))} MB`
}

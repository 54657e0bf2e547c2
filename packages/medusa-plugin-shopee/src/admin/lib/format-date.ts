/** Dates as the operator's language writes them (`locale`, the admin's language); a missing one as "—". */
export function formatDate(value: string | null | undefined, locale?: string): string {
  if (!value) return "—"
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString(locale)
}

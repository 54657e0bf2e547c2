/** Newest first; the id breaks ties so that rows written in the same instant never shift pages. */
export const NEWEST_FIRST = { created_at: "DESC", id: "DESC" } as const

/** A LIKE pattern that finds `text` anywhere, with LIKE's own wildcards in it taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, "\\$&")}%`
}

/** The filter value for "one of these": a single value stays a plain equality. */
export function oneOf<T>(values: T[]): T | T[] {
  return values.length === 1 ? values[0] : values
}

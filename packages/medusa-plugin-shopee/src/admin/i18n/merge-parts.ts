/** A translation tree: nested objects whose leaves are the strings `t()` returns. */
export type TranslationTree = { [key: string]: string | TranslationTree }

const isTree = (value: unknown): value is TranslationTree => typeof value === "object" && value !== null && !Array.isArray(value)

/** `extra` laid over `base`, nested objects merged key by key; neither input is changed. */
export function deepMerge(base: TranslationTree, extra: TranslationTree): TranslationTree {
  const merged: TranslationTree = { ...base }
  for (const [key, value] of Object.entries(extra)) {
    const current = merged[key]
    merged[key] = isTree(current) && isTree(value) ? deepMerge(current, value) : value
  }
  return merged
}

/**
 * One language's resources: the shipped `{ shopee: … }` file with each feature's part file
 * (`{ setupGuide: … }`) merged under `shopee`, so that every key of the plugin starts with
 * `shopee.` and none can clash with the admin's own keys.
 */
export function withParts(base: { shopee: TranslationTree }, parts: TranslationTree[]): { shopee: TranslationTree } {
  return { shopee: parts.reduce(deepMerge, base.shopee) }
}

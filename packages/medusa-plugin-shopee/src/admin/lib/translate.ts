/** What pure helpers need of react-i18next's `t`: a key and its parameters in, the text out. */
export type Translate = (key: string, params?: Record<string, unknown>) => string

/**
 * A text as a pure helper returns it: the key and its parameters, for the component to translate.
 * A parameter may itself be a text (a duration inside "expires in …"), translated first.
 */
export type TextKey = { key: string; params?: Record<string, string | number | TextKey> }

/** The text of `text` in the admin's language. */
export function translateText(t: Translate, text: TextKey): string {
  const params = Object.fromEntries(
    Object.entries(text.params ?? {}).map(([name, value]) => [name, typeof value === "object" ? translateText(t, value) : value])
  )
  return t(text.key, params)
}

import { readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"
import resources from "./index"
import { withParts, type TranslationTree } from "./merge-parts"

/**
 * Every shipped language, read from the files themselves (`json/<lang>.json` and every
 * `parts/<feature>/<lang>.json`), so that a language or a part the index forgets is still checked.
 */
const I18N_DIR = __dirname
const ADMIN_DIR = join(__dirname, "..")
const readJson = (path: string): TranslationTree => JSON.parse(readFileSync(path, "utf8"))

const LANGUAGES = readdirSync(join(I18N_DIR, "json"))
  .filter((file) => file.endsWith(".json"))
  .map((file) => file.replace(/\.json$/, ""))
const PART_DIRS = readdirSync(join(I18N_DIR, "parts"))
  .map((name) => join(I18N_DIR, "parts", name))
  .filter((path) => statSync(path).isDirectory())

const shipped = (language: string) =>
  withParts(
    readJson(join(I18N_DIR, "json", `${language}.json`)) as { shopee: TranslationTree },
    PART_DIRS.map((dir) => readJson(join(dir, `${language}.json`)))
  )

/** i18next's plural forms: `selected_one` and `selected_other` are the forms of one key, `selected`. */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/

/** Every leaf as `path → text`. */
function leaves(tree: TranslationTree, prefix = ""): Map<string, string> {
  const found = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === "string") found.set(path, value)
    else for (const [leaf, text] of leaves(value, path)) found.set(leaf, text)
  }
  return found
}

/** The keys a component asks for (plural forms folded into their key), with the `{{variables}}` their texts use. */
function keysWithVariables(tree: TranslationTree): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>()
  for (const [path, text] of leaves(tree)) {
    const key = path.replace(PLURAL_SUFFIX, "")
    const variables = keys.get(key) ?? new Set<string>()
    for (const match of text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) variables.add(match[1])
    keys.set(key, variables)
  }
  return keys
}

const ENGLISH = shipped("en")
const ENGLISH_KEYS = keysWithVariables(ENGLISH)

describe("shipped translations", () => {
  it("ships English, Vietnamese and Thai, each part in every language", () => {
    expect(LANGUAGES.sort()).toEqual(["en", "th", "vi"])
    for (const dir of PART_DIRS) {
      const files = readdirSync(dir).filter((file) => file.endsWith(".json"))
      expect({ part: relative(I18N_DIR, dir), files: files.sort() }).toEqual({
        part: relative(I18N_DIR, dir),
        files: ["en.json", "th.json", "vi.json"],
      })
    }
  })

  it.each(LANGUAGES.filter((language) => language !== "en"))(
    "%s has every English key and no other, with the same variables",
    (language) => {
      const keys = keysWithVariables(shipped(language))
      const missing = [...ENGLISH_KEYS.keys()].filter((key) => !keys.has(key))
      const extra = [...keys.keys()].filter((key) => !ENGLISH_KEYS.has(key))
      const otherVariables = [...ENGLISH_KEYS.entries()]
        .filter(([key, variables]) => keys.has(key) && [...variables].sort().join() !== [...keys.get(key)!].sort().join())
        .map(([key]) => key)
      expect({ missing, extra, otherVariables }).toEqual({ missing: [], extra: [], otherVariables: [] })
    }
  )

  it.each(LANGUAGES)("%s has no empty text", (language) => {
    const empty = [...leaves(shipped(language))].filter(([, text]) => text.trim() === "").map(([path]) => path)
    expect(empty).toEqual([])
  })

  it("the index hands the admin exactly the shipped files, parts included", () => {
    expect(Object.keys(resources).sort()).toEqual([...LANGUAGES].sort())
    for (const language of LANGUAGES) {
      expect(resources[language as keyof typeof resources].translation).toEqual(shipped(language))
    }
  })
})

/** The admin's source files, tests and the translations themselves left out. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return path === I18N_DIR ? [] : sourceFiles(path)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
  })
}

describe("keys the admin uses", () => {
  const sources = sourceFiles(ADMIN_DIR).map((path) => ({ file: relative(ADMIN_DIR, path), text: readFileSync(path, "utf8") }))
  const englishKeys = new Set(ENGLISH_KEYS.keys())
  // Every object above a leaf: `shopee`, `shopee.statuses`, … (a prefix a built key may start from).
  const englishBranches = new Set(
    [...englishKeys].flatMap((key) => {
      const segments = key.split(".")
      return segments.slice(1).map((_, index) => segments.slice(0, index + 1).join("."))
    })
  )

  it("finds the admin's files and the keys in them", () => {
    expect(sources.length).toBeGreaterThan(30)
    expect(sources.some(({ text }) => text.includes('t("shopee.common.retry")'))).toBe(true)
  })

  it('every literal key (`t("shopee.…")`, a key a helper returns, a route\'s label) exists in English', () => {
    const unknown = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/["'`](shopee\.[A-Za-z0-9_.]+[A-Za-z0-9_])["'`]/g)]
        .map((match) => match[1])
        .filter((key) => !englishKeys.has(key))
        .map((key) => `${file}: ${key}`)
    )
    expect(unknown).toEqual([])
  })

  it("every key built from a prefix (`shopee.statuses.${status}`) has that prefix in English", () => {
    const unknown = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/`(shopee\.[A-Za-z0-9_.]+)\.\$\{/g)]
        .map((match) => match[1])
        .filter((prefix) => !englishBranches.has(prefix))
        .map((prefix) => `${file}: ${prefix}`)
    )
    expect(unknown).toEqual([])
  })
})

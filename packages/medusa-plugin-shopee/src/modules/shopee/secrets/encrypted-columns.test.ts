import fs from "node:fs"
import path from "node:path"
import { DmlEntity } from "@medusajs/framework/utils"
import { ENCRYPTED_TABLES } from "./encrypted-columns"

/** Every model the module defines, read from the models folder rather than listed by hand. */
const MODELS_DIR = path.join(__dirname, "..", "models")
const models = fs
  .readdirSync(MODELS_DIR)
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
  // The model files are found at run time, so that a new one cannot be left out.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  .flatMap((file) => Object.values(require(path.join(MODELS_DIR, file)) as Record<string, unknown>))
  .filter((value): value is DmlEntity<any, any> => DmlEntity.isDmlEntity(value))
  .map((model) => ({ table: model.parse().tableName, columns: Object.keys(model.schema) }))

describe("ENCRYPTED_TABLES", () => {
  it("is checked against every model of the module", () => {
    expect(models.map((model) => model.table)).toEqual(expect.arrayContaining(["shopee_profile", "shopee_auth_token"]))
    expect(models.length).toEqual(fs.readdirSync(MODELS_DIR).filter((file) => file.endsWith(".ts")).length)
  })

  it.each(models.map((model) => [model.table, model] as const))("declares every ciphertext column of %s", (_, model) => {
    const declared = Object.keys(ENCRYPTED_TABLES.find((table) => table.table === model.table)?.columns ?? {})
    expect(model.columns.filter((column) => column.endsWith("_encrypted")).sort()).toEqual(declared.sort())
  })

  it("declares only tables whose rows have the id and environment every ciphertext is bound to", () => {
    for (const table of ENCRYPTED_TABLES) {
      const model = models.find((candidate) => candidate.table === table.table)
      expect(model?.columns).toEqual(expect.arrayContaining(["id", "environment", ...Object.keys(table.columns)]))
    }
  })

  it("binds no two columns of a table to the same secret name", () => {
    for (const table of ENCRYPTED_TABLES) {
      const names = Object.values(table.columns)
      expect(new Set(names).size).toEqual(names.length)
    }
  })
})

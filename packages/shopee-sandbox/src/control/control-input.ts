import { invalidField } from "./control-error.js"

interface Options {
  required?: boolean
  min?: number
  max?: number
}

/**
 * Typed reads of a control API JSON body (or a nested object of it). Every failure names the
 * field by its path, e.g. `items[0].quantity`.
 */
export class ControlInput {
  constructor(
    private readonly data: Record<string, unknown>,
    private readonly prefix = ""
  ) {}

  path(name: string): string {
    return this.prefix ? `${this.prefix}.${name}` : name
  }

  has(name: string): boolean {
    return this.data[name] !== undefined && this.data[name] !== null
  }

  /** True when the field is present, even as null (a PATCH that clears it). */
  given(name: string): boolean {
    return name in this.data
  }

  /** For fields that accept two shapes (a number or a list). */
  isNumber(name: string): boolean {
    return typeof this.data[name] === "number"
  }

  int(name: string, options: Options & { required: true }): number
  int(name: string, options?: Options): number | undefined
  int(name: string, options: Options = {}): number | undefined {
    const value = this.data[name]
    if (value === undefined || value === null) return this.missing(name, options)
    if (typeof value !== "number" || !Number.isSafeInteger(value)) throw invalidField(this.path(name), "should be an integer")
    this.checkRange(name, value, options)
    return value
  }

  number(name: string, options: Options = {}): number | undefined {
    const value = this.data[name]
    if (value === undefined || value === null) return this.missing(name, options)
    if (typeof value !== "number" || !Number.isFinite(value)) throw invalidField(this.path(name), "should be a number")
    this.checkRange(name, value, options)
    return value
  }

  string(name: string, options: Options & { required: true }): string
  string(name: string, options?: Options): string | undefined
  string(name: string, options: Options = {}): string | undefined {
    const value = this.data[name]
    if (value === undefined || value === null) return this.missing(name, options)
    if (typeof value !== "string" || value === "") throw invalidField(this.path(name), "should be a non-empty string")
    return value
  }

  url(name: string, options: Options = {}): string | undefined {
    const value = this.string(name, options)
    if (value !== undefined && !/^https?:\/\//.test(value)) throw invalidField(this.path(name), "should be an http(s) URL")
    if (value !== undefined && !URL.canParse(value)) throw invalidField(this.path(name), "should be an http(s) URL")
    return value
  }

  boolean(name: string): boolean | undefined {
    const value = this.data[name]
    if (value === undefined || value === null) return undefined
    if (typeof value !== "boolean") throw invalidField(this.path(name), "should be true or false")
    return value
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], options: Options & { required: true }): T
  oneOf<T extends string>(name: string, allowed: readonly T[], options?: Options): T | undefined
  oneOf<T extends string>(name: string, allowed: readonly T[], options: Options = {}): T | undefined {
    const value = this.data[name]
    if (value === undefined || value === null) return this.missing(name, options)
    if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
      throw invalidField(this.path(name), `should be one of ${allowed.join(", ")}`)
    }
    return value as T
  }

  /** An array of objects, each read through its own ControlInput. */
  objects(name: string, options: Options = {}): ControlInput[] | undefined {
    const value = this.data[name]
    if (value === undefined || value === null) return this.missing(name, options)
    if (!Array.isArray(value)) throw invalidField(this.path(name), "should be an array")
    if (options.min !== undefined && value.length < options.min)
      throw invalidField(this.path(name), `should have at least ${options.min} entries`)
    if (options.max !== undefined && value.length > options.max)
      throw invalidField(this.path(name), `should have at most ${options.max} entries`)
    return value.map((entry: unknown, i) => {
      const path = `${this.path(name)}[${i}]`
      if (typeof entry !== "object" || entry === null || Array.isArray(entry)) throw invalidField(path, "should be an object")
      return new ControlInput(entry as Record<string, unknown>, path)
    })
  }

  object(name: string): ControlInput | undefined {
    const value = this.data[name]
    if (value === undefined || value === null) return undefined
    if (typeof value !== "object" || Array.isArray(value)) throw invalidField(this.path(name), "should be an object")
    return new ControlInput(value as Record<string, unknown>, this.path(name))
  }

  /** A free-form JSON object, passed on as given. */
  rawObject(name: string): Record<string, unknown> | undefined {
    this.object(name)
    return this.data[name] as Record<string, unknown> | undefined
  }

  strings(name: string): string[] | undefined {
    const value = this.data[name]
    if (value === undefined || value === null) return undefined
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || v === "")) {
      throw invalidField(this.path(name), "should be an array of non-empty strings")
    }
    return value as string[]
  }

  /** Rejects fields the endpoint does not know, so a typo is not silently ignored. */
  only(names: readonly string[]): this {
    const unknown = Object.keys(this.data).find((k) => !names.includes(k))
    if (unknown !== undefined) throw invalidField(this.path(unknown), `unknown field (expected one of ${names.join(", ")})`)
    return this
  }

  private missing(name: string, options: Options): undefined {
    if (options.required) throw invalidField(this.path(name), "is required")
    return undefined
  }

  private checkRange(name: string, value: number, options: Options): void {
    if (options.min !== undefined && value < options.min) throw invalidField(this.path(name), `should be at least ${options.min}`)
    if (options.max !== undefined && value > options.max) throw invalidField(this.path(name), `should be at most ${options.max}`)
  }
}

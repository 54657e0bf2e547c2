import { paramError, wrongParameter } from "./shopee-error.js"

/**
 * Readers for Open Platform parameters (GET: the query; POST: the JSON body) that fail the way
 * Shopee does, with `error_param` naming the parameter.
 */
export type Params = { get(name: string): unknown }

export function queryParams(query: URLSearchParams): Params {
  return { get: (name) => query.get(name) ?? undefined }
}

export function bodyParams(body: Record<string, unknown>): Params {
  return { get: (name) => body[name] }
}

function toInt(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : undefined
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) {
    const n = Number(value.trim())
    return Number.isSafeInteger(n) ? n : undefined
  }
  return undefined
}

export function optionalInt(params: Params, name: string): number | undefined {
  const raw = params.get(name)
  if (raw === undefined || raw === null || raw === "") return undefined
  const n = toInt(raw)
  if (n === undefined) throw wrongParameter(`${name} should be an integer`)
  return n
}

export function requiredInt(params: Params, name: string): number {
  const n = optionalInt(params, name)
  if (n === undefined) throw wrongParameter(`${name} is required`)
  return n
}

export function optionalString(params: Params, name: string): string | undefined {
  const raw = params.get(name)
  if (raw === undefined || raw === null || raw === "") return undefined
  if (typeof raw !== "string") throw wrongParameter(`${name} should be a string`)
  return raw
}

export function requiredString(params: Params, name: string): string {
  const s = optionalString(params, name)
  if (s === undefined) throw wrongParameter(`${name} is required`)
  return s
}

/** Comma-joined list of integers, e.g. `item_id_list=1,2,3`. */
export function intList(params: Params, name: string, min: number, max: number): number[] {
  const raw = requiredString(params, name)
  const values = raw.split(",").map((part) => toInt(part))
  if (values.some((v) => v === undefined)) throw wrongParameter(`${name} should be integers joined by commas`)
  if (values.length < min || values.length > max)
    throw paramError(`Wrong parameters, detail: ${name} length should be between ${min} and ${max}.`)
  return values as number[]
}

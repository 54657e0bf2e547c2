import type { Sandbox } from "../sandbox.js"
import type { ControlInput } from "./control-input.js"

export interface ControlContext {
  sandbox: Sandbox
  /** The JSON body (empty for GET and DELETE). */
  input: ControlInput
  /** Path parameters, e.g. `order_sn` of `/_control/orders/:order_sn`. */
  params: Record<string, string>
  query: URLSearchParams
  /** Returns the sandbox to its starting data. */
  reset(): void
}

export interface ControlReply {
  status?: number
  body: unknown
}

export interface ControlRoute {
  method: "GET" | "POST" | "PATCH" | "DELETE"
  pattern: string
  handle(ctx: ControlContext): ControlReply | Promise<ControlReply>
}

/** Matches `/_control/orders/:order_sn/advance` style patterns; returns the parameters or null. */
export function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/")
  const got = path.replace(/\/+$/, "").split("/")
  if (want.length !== got.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(":")) params[want[i].slice(1)] = decodeURIComponent(got[i])
    else if (want[i] !== got[i]) return null
  }
  return params
}

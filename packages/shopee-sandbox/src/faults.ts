import { RuleList } from "./rule-list.js"

/**
 * Injected misbehaviour. Request faults apply to Open Platform paths (`/api/...`); push faults
 * to outgoing pushes. A rule with `times` stops applying after that many hits.
 */
export const REQUEST_FAULT_KINDS = ["latency", "server_error", "timeout", "rate_limit"] as const
export const PUSH_FAULT_KINDS = ["drop_push", "duplicate_push", "reorder_push"] as const
export type FaultKind = (typeof REQUEST_FAULT_KINDS)[number] | (typeof PUSH_FAULT_KINDS)[number]

export interface FaultInput {
  kind: FaultKind
  /** An API path, or a prefix ending in `*` (`/api/v2/order/*`); omitted means every path. */
  route?: string | null
  /** For push faults: only pushes with this code; omitted means every code. */
  code?: number | null
  /** latency: added delay; timeout: how long to hang before dropping the connection (0 = until the client gives up). */
  latency_ms?: number
  /** server_error: the 5xx status answered. */
  status?: number
  times?: number | null
  /** reorder_push: how many pushes are held and then released newest first. */
  batch?: number
}

export interface FaultRule {
  id: number
  kind: FaultKind
  route: string | null
  code: number | null
  latency_ms: number
  status: number
  remaining: number | null
  batch: number
  hits: number
}

export interface RequestFaults {
  latencyMs: number
  /** The one fault that decides the answer (5xx, hang, rate limit), if any. */
  terminal: FaultRule | null
}

export interface PushFaults {
  drop: boolean
  duplicate: boolean
  reorder: FaultRule | null
}

function routeMatches(rule: FaultRule, path: string): boolean {
  if (rule.route === null || rule.route === "*") return true
  if (rule.route.endsWith("*")) return path.startsWith(rule.route.slice(0, -1))
  return path === rule.route
}

export class Faults extends RuleList<FaultRule> {
  add(input: FaultInput): FaultRule {
    return this.addRule((id) => ({
      id,
      kind: input.kind,
      route: input.route ?? null,
      code: input.code ?? null,
      latency_ms: input.latency_ms ?? 0,
      status: input.status ?? 500,
      remaining: input.times ?? null,
      batch: input.batch ?? 2,
      hits: 0,
    }))
  }

  forRequest(path: string): RequestFaults {
    const result: RequestFaults = { latencyMs: 0, terminal: null }
    for (const rule of this.active()) {
      if (!(REQUEST_FAULT_KINDS as readonly string[]).includes(rule.kind) || !routeMatches(rule, path)) continue
      if (rule.kind === "latency") {
        result.latencyMs += rule.latency_ms
        this.hit(rule)
      } else if (result.terminal === null) {
        result.terminal = rule
        this.hit(rule)
      }
    }
    return result
  }

  forPush(code: number): PushFaults {
    const result: PushFaults = { drop: false, duplicate: false, reorder: null }
    for (const rule of this.active()) {
      if (rule.code !== null && rule.code !== code) continue
      if (rule.kind === "drop_push" && !result.drop) result.drop = this.hit(rule)
      if (rule.kind === "duplicate_push" && !result.duplicate) result.duplicate = this.hit(rule)
      if (rule.kind === "reorder_push" && result.reorder === null && this.hit(rule)) result.reorder = rule
    }
    return result
  }
}

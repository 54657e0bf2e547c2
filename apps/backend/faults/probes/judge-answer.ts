/**
 * What a malformed request must get back. `refused`: a 4xx whose body names the problem
 * (Medusa's `{ type, message }`, the message mentioning `mentions` when given). `acknowledged`: a
 * push Shopee's side cannot have sent is still stored for a person and answered 200, so that a
 * misconfigured key is seen rather than retried into a suspended subscription (the documented
 * exception). `redirected`: the OAuth callback refuses with a 302 to the admin page naming its
 * reason (`status=error&reason=…`), since a person's browser is on the other end.
 */
export type Expectation = { kind: "refused"; mentions?: string } | { kind: "acknowledged" } | { kind: "redirected" }

export type Answer = { status: number; body: string; location: string | null }

/** Why an answer is not the expected one; null when it is. */
export function judgeAnswer(expected: Expectation, answer: Answer): string | null {
  if (answer.status >= 500) return `${answer.status}: ${answer.body.slice(0, 200)}`
  switch (expected.kind) {
    case "acknowledged":
      return answer.status === 200 ? null : `${answer.status}, not 200 (a push is stored and acknowledged)`
    case "redirected": {
      if (answer.status !== 302) return `${answer.status}, not a 302 to the admin page`
      const reason = answer.location ? new URL(answer.location).searchParams : null
      return reason?.get("status") === "error" && reason.get("reason") ? null : `a 302 to ${answer.location} names no refusal reason`
    }
    case "refused": {
      if (answer.status < 400 || answer.status > 499) return `${answer.status}, not a 4xx`
      const message = messageOf(answer.body)
      if (!message) return `${answer.status} without a message naming the problem: ${answer.body.slice(0, 120) || "(empty body)"}`
      if (expected.mentions && !message.toLowerCase().includes(expected.mentions.toLowerCase())) {
        return `${answer.status} "${message.slice(0, 160)}" does not name ${expected.mentions}`
      }
      return null
    }
  }
}

function messageOf(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { message?: unknown }
    return typeof parsed?.message === "string" && parsed.message.trim() ? parsed.message : null
  } catch {
    return null
  }
}

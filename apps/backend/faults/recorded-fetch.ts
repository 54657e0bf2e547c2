import type { RecordedFetch, RecordedResponse } from "./scenario"

/**
 * fetch, keeping every response's body (read from a clone, so the caller reads its own) for the
 * secret scan. Only loopback is allowed: the suite sends nothing off this machine.
 */
export function createRecordedFetch(): { fetch: RecordedFetch; responses: () => RecordedResponse[] } {
  const recorded: RecordedResponse[] = []
  const recordedFetch: RecordedFetch = async (input, init) => {
    const host = new URL(input).hostname
    if (!["127.0.0.1", "localhost", "[::1]"].includes(host)) throw new Error(`The fault suite only sends to loopback, not ${host}`)
    const response = await fetch(input, init)
    recorded.push({ request: `${init?.method ?? "GET"} ${input}`, status: response.status, body: await response.clone().text() })
    return response
  }
  return { fetch: recordedFetch, responses: () => recorded }
}

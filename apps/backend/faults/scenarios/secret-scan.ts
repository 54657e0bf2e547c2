import { scanForSecrets, type ScannedText } from "../probes/secret-scan"
import type { Scenario } from "../scenario"

/**
 * After every other scenario: every response body `stack.fetch` recorded and every log line of
 * the run, searched for every configured secret and token in plain text, URL-encoded and
 * base64. Must find none. A finding names the response or the log and the secret's place in
 * the list, never the secret.
 */
export const secretScan: Scenario = async (stack) => {
  const secrets = await stack.plainSecrets()
  const responses = stack.recordedResponses()
  const log = stack.logText()
  const texts: ScannedText[] = [
    ...responses.map(({ request, body }) => ({ source: `response to ${request.slice(0, 120)}`, text: body })),
    { source: "the run's log", text: log },
  ]
  const { findings, unscannable } = scanForSecrets(texts, secrets)
  const problems = findings.map((finding) => `${finding.secret} found ${finding.form} in ${finding.source} at ${finding.offset}`)
  if (secrets.length === 0) problems.push("no secret to look for: plainSecrets() is empty")
  if (unscannable > 0) problems.push(`${unscannable} secret(s) shorter than the scanner can look for without chance matches`)
  return {
    name: "secret-scan",
    ok: problems.length === 0,
    figures: {
      secrets: secrets.length,
      responses: responses.length,
      response_bytes: responses.reduce((sum, { body }) => sum + Buffer.byteLength(body), 0),
      log_lines: log.split("\n").length - 1,
      found: findings.length,
    },
    problems,
  }
}

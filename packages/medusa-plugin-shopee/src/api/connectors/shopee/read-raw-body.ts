import type { IncomingMessage } from "node:http"

export class BodyTooLargeError extends Error {}

/**
 * Reads the request's bytes exactly as sent: the push signature covers them, and any parse
 * and re-serialisation would break it. Stops reading past `limitBytes`.
 */
export async function readRawBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"])
  if (Number.isFinite(declared) && declared > limitBytes) {
    throw new BodyTooLargeError(`The body is ${declared} bytes; the limit is ${limitBytes}`)
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limitBytes) {
      throw new BodyTooLargeError(`The body exceeds the limit of ${limitBytes} bytes`)
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ConfigModule, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { verifyPush } from "@shopee-medusa/shopee-client"
import { announcesPushes } from "../../../lib/events/pending-push-poll"
import { resolveShopee } from "../../../lib/shopee-module"
import { databaseErrorName, isPushNotStored } from "../../../modules/shopee/database-errors"
import type { ShopeeEnvironment } from "../../../modules/shopee/environments"
import type ShopeeModuleService from "../../../modules/shopee/service"
import { reachabilityOf } from "./database-reachability"
import { environmentOfSegment } from "./environment-segment"
import { type DeadlineOutcome, PUSH_STORE_DEADLINE_MS, withinDeadline } from "./push-deadline"
import { BodyTooLargeError, readRawBody } from "./read-raw-body"

/** Shopee's pushes are a few hundred bytes; anything near this is not a push. */
export const PUSH_BODY_LIMIT_BYTES = 64 * 1024

export const SHOPEE_PUSH_RECEIVED = "shopee.push.received"

/**
 * A push from Shopee: stored as received, then acknowledged with an empty 200, then processed
 * in the background. Shopee waits about 3 s and disables a subscription that fails too often,
 * so nothing slow happens before the answer, and a push that cannot be processed is still
 * stored and acknowledged (with an exception for a person) rather than refused; what such a
 * push stores is bounded (see pushes/push-recorder.ts).
 */
export async function receivePush(req: MedusaRequest, res: MedusaResponse, segment: string | undefined): Promise<void> {
  const environment = environmentOfSegment(segment)
  if (!environment) {
    res.status(404).json({ type: "not_found", message: `Unknown Shopee environment "${segment}": use sandbox or live` })
    return
  }
  let rawBody: Buffer
  try {
    rawBody = await readRawBody(req, PUSH_BODY_LIMIT_BYTES)
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      res.status(413).json({ type: "payload_too_large", message: error.message })
      return
    }
    // Node aborts the body of a request whose sender has gone (below): not a failure of ours.
    if (senderHasGone(req)) return dropConnection(req)
    throw error
  }
  await connectionReadToItsEnd()
  if (senderHasGone(req)) {
    // Nothing can reach a sender that closed its connection: Shopee has counted the delivery failed
    // and sends it again. Under a burst (Shopee gives up after about 3 s, then retries) most of a
    // backlog is such requests; storing them would only lengthen the queue the live ones wait in.
    return dropConnection(req)
  }

  const reachability = reachabilityOf(req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION))
  if (!reachability.admits(Date.now())) {
    // Not stored, so not acknowledged: Shopee sends it again. At once rather than at the deadline
    // (database-reachability.ts), and not logged per push: the deadline's lines name the outage.
    res.status(503).json({ type: "unavailable", message: "The database cannot be reached; send the push again later" })
    return
  }

  const shopee = resolveShopee(req.scope)
  const logger = req.scope.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const storing = storePush(shopee, req, environment, rawBody)
  let outcome: DeadlineOutcome<StoreOutcome>
  try {
    outcome = await withinDeadline(storing, PUSH_STORE_DEADLINE_MS, (error) =>
      logger.error(`Shopee push to ${req.path}: answered 503 at the deadline; later ${describeFailure(error)}`)
    )
  } catch (error) {
    // Not stored (or the configuration it is checked against not readable), so not acknowledged:
    // Shopee sends it again later. One line, never the statement (Medusa's error handler would
    // log it with the whole body, and a stack trace).
    logger.error(`Shopee push to ${req.path}: ${describeFailure(error)}`)
    res.status(503).json({ type: "unavailable", message: "The push could not be stored; send it again later" })
    return
  }
  if (!outcome.settled) {
    res.status(503).json({
      type: "unavailable",
      message: `The push could not be stored within ${PUSH_STORE_DEADLINE_MS / 1000} s; send it again later`,
    })
    // Stored after all, though refused: processed like any other (Shopee's resend is a duplicate).
    // Its announcement may fail too (nothing answers it any more): reconciliation then takes the
    // stranded push up, and the failure must not be an unhandled rejection.
    storing.then(
      (late) =>
        announce(req, late, environment).catch((error: unknown) =>
          logger.error(`Shopee push to ${req.path}: stored after its 503, not announced (${databaseErrorName(error)})`)
        ),
      // A late failure to store is logged by withinDeadline's onLateFailure.
      () => undefined
    )
    return
  }
  // Whatever the pool last failed at, the database answered this push.
  reachability.reached()
  // A push for the environment this instance does not serve is acknowledged and dropped (the
  // other environment's instance, or a later switch, is where it belongs); a rejected push over
  // the rate limit is acknowledged too: it could never be processed, and a refusal would only make
  // Shopee retry it (or disable a subscription whose key is wrong).
  res.status(200).end()
  await announce(req, outcome.value, environment)
}

type StoreOutcome = { kind: "other_environment" } | { kind: "recorded"; recorded: Awaited<ReturnType<ShopeeModuleService["recordPush"]>> }

/** Everything that touches the database before the answer: bounded together by the deadline. */
async function storePush(
  shopee: ShopeeModuleService,
  req: MedusaRequest,
  environment: ShopeeEnvironment,
  rawBody: Buffer
): Promise<StoreOutcome> {
  const config = await shopee.pushIntakeConfig(environment)
  if (config.active_environment !== environment) return { kind: "other_environment" }

  const signatureOk =
    config.push_key !== null &&
    verifyPush({
      url: shopee.publicUrlForPath(req.originalUrl),
      rawBody,
      authorization: req.headers.authorization,
      pushPartnerKey: config.push_key,
    })

  const recorded = await shopee.recordPush({
    environment,
    profile_id: config.profile_id,
    path: req.originalUrl,
    headers: req.headers,
    raw_body: rawBody,
    signature_ok: signatureOk,
    // Medusa sets Express's `trust proxy` to 1: behind one proxy this is the client, without
    // one a client can name itself in X-Forwarded-For, and only the total limit holds.
    source: req.ip ?? req.socket.remoteAddress ?? "unknown",
  })
  return { kind: "recorded", recorded }
}

async function announce(req: MedusaRequest, outcome: StoreOutcome, environment: ShopeeEnvironment): Promise<void> {
  const { projectConfig } = req.scope.resolve<ConfigModule>(ContainerRegistrationKeys.CONFIG_MODULE)
  // A server without Redis leaves it to the worker's poll (pending-push-poll.ts); a push settled
  // as it was stored (one the connector ignores) has nothing left to process.
  if (
    outcome.kind === "recorded" &&
    outcome.recorded.outcome === "stored" &&
    outcome.recorded.event.status === "pending" &&
    announcesPushes(projectConfig)
  ) {
    await req.scope.resolve(Modules.EVENT_BUS).emit({ name: SHOPEE_PUSH_RECEIVED, data: { id: outcome.recorded.event.id, environment } })
  }
}

/**
 * Two turns of the event loop: a sender that gave up while its connection queued left the end of
 * the connection right behind the request's bytes, but Node reads it only at the next turn after the
 * request (a short read ends a turn's reading). Sub-millisecond when idle.
 */
async function connectionReadToItsEnd(): Promise<void> {
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve))
}

/**
 * The sender closed its connection before an answer (it timed out while the request waited behind
 * others). Read once the connection's end has had its turn (above). Not `req.destroyed`: Node
 * destroys every request once its body has been read.
 */
function senderHasGone(req: MedusaRequest): boolean {
  return req.socket.destroyed || req.socket.readableEnded || req.socket.writableEnded
}

/** No answer can be delivered: the connection is closed rather than left for an answer that never comes. */
function dropConnection(req: MedusaRequest): void {
  req.socket.destroy()
}

/** A failure named without its message, which may quote the statement and the push body. */
function describeFailure(error: unknown): string {
  return isPushNotStored(error) ? error.message : `the push could not be stored (${databaseErrorName(error)})`
}

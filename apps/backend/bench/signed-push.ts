import { SANDBOX_SHOP_ID, signPush } from "../integration-tests/helpers/sandbox"

/**
 * A webchat push (code 10), as Shopee sends one per chat message. The benchmark sends these
 * because the connector only records them as ignored: the background work after the 200 is one
 * update, so the figures are those of the intake itself (verify, store, acknowledge). A code 3
 * push would make every request fetch an order from the simulator and raise an exception for
 * an order that does not exist, which is another benchmark (`bench:orders`).
 *
 * `tag` and `seq` make every body distinct (the connector would mark a repeat as a duplicate)
 * and let the benchmark count exactly the rows one run stored.
 */
export function webchatPushBody(tag: string, seq: number): string {
  return JSON.stringify({
    data: {
      type: "message",
      content: { message_id: `${tag}-${seq}`, conversation_id: `bench-${seq % 500}`, content: { text: "Is this card still available?" } },
    },
    shop_id: SANDBOX_SHOP_ID,
    code: 10,
    timestamp: Math.floor(Date.now() / 1000),
  })
}

/** The headers of a push signed as Shopee signs it: HMAC-SHA256 of `<registered url>|<body>`. */
export function signedPushHeaders(registeredUrl: string, body: string): Record<string, string> {
  return { "content-type": "application/json", authorization: signPush(registeredUrl, body) }
}

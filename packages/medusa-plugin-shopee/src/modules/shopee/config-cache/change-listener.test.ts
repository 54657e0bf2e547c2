import { EventEmitter } from "node:events"
import { CATCH_UP_PAYLOAD, CONFIG_CHANGED_CHANNEL, ChangeListener, type ListeningConnection } from "./change-listener"

/** A stand-in for a pg client: the edge this class talks to, driven by the test. */
class FakeConnection extends EventEmitter {
  queries: string[] = []
  ended = false
  constructor(private readonly answer: Promise<unknown> = Promise.resolve()) {
    super()
  }
  async query(text: string) {
    this.queries.push(text)
    return this.answer
  }
  async end() {
    this.ended = true
  }
}

const quiet = { warn: () => undefined }
const tick = () => new Promise((resolve) => setImmediate(resolve))

describe("ChangeListener", () => {
  it("reports listening only once its LISTEN is confirmed, and passes changes on", async () => {
    let confirm: () => void = () => undefined
    const connection = new FakeConnection(new Promise<void>((resolve) => (confirm = resolve)))
    const states: boolean[] = []
    let changes = 0
    const listener = new ChangeListener(
      async () => connection as unknown as ListeningConnection,
      (listening) => states.push(listening),
      () => changes++,
      quiet
    )
    listener.start()
    await tick()
    expect(connection.queries).toEqual([`LISTEN "${CONFIG_CHANGED_CHANNEL}"`])
    expect(states).toEqual([])
    confirm()
    await tick()
    expect(states).toEqual([true])
    connection.emit("notification", { channel: CONFIG_CHANGED_CHANNEL })
    connection.emit("notification", { channel: "another" })
    expect(changes).toEqual(1)
    await listener.stop()
  })

  it("stops trusting the cache when the connection is lost, and listens again on a new one", async () => {
    const connections = [new FakeConnection(), new FakeConnection()]
    let opened = 0
    const states: boolean[] = []
    const listener = new ChangeListener(
      async () => connections[opened++] as unknown as ListeningConnection,
      (listening) => states.push(listening),
      () => undefined,
      quiet
    )
    listener.start()
    await tick()
    expect(states).toEqual([true])
    connections[0].emit("error", new Error("terminating connection"))
    expect(states).toEqual([true, false])
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(opened).toEqual(2)
    expect(states).toEqual([true, false, true])
    await listener.stop()
    expect(connections[1].ended).toBe(true)
  })

  it("reads through and retries while the database cannot be reached", async () => {
    let attempts = 0
    const states: boolean[] = []
    const listener = new ChangeListener(
      async () => {
        attempts++
        if (attempts === 1) throw new Error("ECONNREFUSED")
        return new FakeConnection() as unknown as ListeningConnection
      },
      (listening) => states.push(listening),
      () => undefined,
      quiet
    )
    listener.start()
    await tick()
    expect(states).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(states).toEqual([true])
    await listener.stop()
  })

  describe("caughtUp", () => {
    /** A connection whose NOTIFYs are answered when the test says so, each answer preceded by the notifications queued before it. */
    class CatchUpConnection extends FakeConnection {
      answers: (() => void)[] = []
      override async query(text: string) {
        this.queries.push(text)
        if (!text.startsWith("NOTIFY")) return
        await new Promise<void>((resolve) =>
          this.answers.push(() => {
            this.emit("notification", { channel: CONFIG_CHANGED_CHANNEL, payload: CATCH_UP_PAYLOAD })
            resolve()
          })
        )
      }
    }
    const notifies = (connection: FakeConnection) => connection.queries.filter((query) => query.startsWith("NOTIFY"))

    it("resolves at once while not listening: nothing is cached then", async () => {
      const listener = new ChangeListener(
        () => new Promise<ListeningConnection>(() => undefined),
        () => undefined,
        () => undefined,
        quiet
      )
      listener.start()
      await expect(listener.caughtUp()).resolves.toBeUndefined()
      await listener.stop()
    })

    it("waits for its own notification, after the changes committed before it, which alone count as changes", async () => {
      const connection = new CatchUpConnection()
      let changes = 0
      const listener = new ChangeListener(
        async () => connection as unknown as ListeningConnection,
        () => undefined,
        () => changes++,
        quiet
      )
      listener.start()
      await tick()
      let done = false
      const waiting = listener.caughtUp().then(() => (done = true))
      await tick()
      expect(notifies(connection)).toEqual([`NOTIFY "${CONFIG_CHANGED_CHANNEL}", '${CATCH_UP_PAYLOAD}'`])
      connection.emit("notification", { channel: CONFIG_CHANGED_CHANNEL, payload: "shopee_profile" })
      expect(done).toBe(false)
      connection.answers[0]()
      await waiting
      expect(changes).toEqual(1)
      await listener.stop()
    })

    it("shares one round trip among callers until it is sent; a caller after that waits for the next", async () => {
      const connection = new CatchUpConnection()
      const listener = new ChangeListener(
        async () => connection as unknown as ListeningConnection,
        () => undefined,
        () => undefined,
        quiet
      )
      listener.start()
      await tick()
      const first = [listener.caughtUp(), listener.caughtUp()]
      await tick()
      expect(notifies(connection)).toHaveLength(1)
      let laterDone = false
      const later = listener.caughtUp().then(() => (laterDone = true))
      await tick()
      expect(notifies(connection)).toHaveLength(1)
      connection.answers[0]()
      await Promise.all(first)
      await tick()
      expect(laterDone).toBe(false)
      expect(notifies(connection)).toHaveLength(2)
      connection.answers[1]()
      await later
      await listener.stop()
    })
  })

  it("drops an error a given-up connection reports while it closes, instead of throwing it", async () => {
    const connections = [new FakeConnection(), new FakeConnection()]
    let opened = 0
    const listener = new ChangeListener(
      async () => connections[opened++] as unknown as ListeningConnection,
      () => undefined,
      () => undefined,
      quiet
    )
    listener.start()
    await tick()
    // Lost: given up, and a second error on the way out must not escape.
    connections[0].emit("end")
    const terminating = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })
    expect(() => connections[0].emit("error", terminating)).not.toThrow()
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(opened).toEqual(2)
    // Stopped (the module's shutdown) while PostgreSQL is shutting down too.
    await listener.stop()
    expect(connections[1].ended).toBe(true)
    expect(() => connections[1].emit("error", terminating)).not.toThrow()
  })
})

import { EventEmitter } from "node:events"
import { CONFIG_CHANGED_CHANNEL, ChangeListener, type ListeningConnection } from "./change-listener"

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
})

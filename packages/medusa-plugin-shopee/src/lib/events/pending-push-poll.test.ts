import { announcesPushes, pollsPendingPushes } from "./pending-push-poll"

describe("pollsPendingPushes", () => {
  it("polls in a worker that no server's event reaches: without Redis", () => {
    expect(pollsPendingPushes({ workerMode: "worker" })).toBe(true)
    expect(pollsPendingPushes({ workerMode: "worker", redisUrl: "" })).toBe(true)
  })

  it("does not poll where the push's event arrives: with Redis, or in a shared process, or a server", () => {
    expect(pollsPendingPushes({ workerMode: "worker", redisUrl: "redis://localhost:6379" })).toBe(false)
    expect(pollsPendingPushes({ workerMode: "shared" })).toBe(false)
    expect(pollsPendingPushes({})).toBe(false)
    expect(pollsPendingPushes({ workerMode: "server" })).toBe(false)
  })
})

describe("announcesPushes", () => {
  it("leaves a push to the worker's poll on a server without Redis, whose event only the server itself would hear", () => {
    expect(announcesPushes({ workerMode: "server" })).toBe(false)
  })

  it("announces it where the event reaches its processing: with Redis, or in a shared process", () => {
    expect(announcesPushes({ workerMode: "server", redisUrl: "redis://localhost:6379" })).toBe(true)
    expect(announcesPushes({ workerMode: "shared" })).toBe(true)
    expect(announcesPushes({})).toBe(true)
  })
})

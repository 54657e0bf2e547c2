import { pollsPendingPushes } from "./pending-push-poll"

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

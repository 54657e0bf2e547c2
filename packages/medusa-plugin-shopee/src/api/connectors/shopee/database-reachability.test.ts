import { EventEmitter } from "node:events"
import { DatabaseReachability, reachabilityOf } from "./database-reachability"

const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })

describe("DatabaseReachability", () => {
  it("admits every push while the database is up", () => {
    const reachability = new DatabaseReachability(500)
    expect([0, 1, 2].map((now) => reachability.admits(now))).toEqual([true, true, true])
  })

  it("once a connection is refused, admits a probe only when nothing tried the database for an interval", () => {
    const reachability = new DatabaseReachability(500)
    reachability.connectFailed(refused, 1000)
    expect(reachability.down).toBe(true)
    expect([1000, 1499, 1500, 1700, 2000].map((now) => reachability.admits(now))).toEqual([false, false, true, false, true])
    // The pool retrying on its own is trying too: no push is needed for that.
    reachability.connectFailed(refused, 2300)
    expect([2600, 2800].map((now) => reachability.admits(now))).toEqual([false, true])
    reachability.reached()
    expect([2801, 2802].map((now) => reachability.admits(now))).toEqual([true, true])
  })

  it("is not put down by a failure that says nothing of the connection", () => {
    const reachability = new DatabaseReachability(500)
    reachability.connectFailed(Object.assign(new Error("password authentication failed"), { code: "28P01" }), 1000)
    expect(reachability.down).toBe(false)
  })
})

describe("reachabilityOf", () => {
  it("follows the pool's failed and successful connection attempts, one watcher per pool", () => {
    const pool = new EventEmitter()
    const connection = { client: { pool } }
    const reachability = reachabilityOf(connection)
    expect(reachabilityOf(connection)).toBe(reachability)
    pool.emit("createFail", 1, refused)
    expect(reachability.down).toBe(true)
    pool.emit("createSuccess", 2, {})
    expect(reachability.down).toBe(false)
    expect(pool.listenerCount("createFail")).toEqual(1)
  })
})

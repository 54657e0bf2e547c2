import { postgresLogEvent } from "./postgres-log-times"

describe("postgresLogEvent", () => {
  it("reads the server's own time of the shutdown request and of readiness", () => {
    expect(postgresLogEvent("1764669601.123 [4242] LOG:  received fast shutdown request")).toEqual({
      event: "shutdown_requested",
      atMs: 1764669601123,
    })
    expect(postgresLogEvent("1764669607.009 [4250] LOG:  database system is ready to accept connections")).toEqual({
      event: "ready",
      atMs: 1764669607009,
    })
  })

  it("ignores other lines, and lines without the epoch prefix", () => {
    expect(postgresLogEvent("1764669601.123 [4242] LOG:  database system is shut down")).toBeNull()
    expect(postgresLogEvent("2026-12-02 10:00:00.123 UTC [42] LOG:  database system is ready to accept connections")).toBeNull()
    expect(postgresLogEvent("1764669601.123 [4242] FATAL:  the database system is starting up")).toBeNull()
  })
})

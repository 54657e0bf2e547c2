import { databaseErrorName, isDatabaseUnreachable, isPushNotStored, PushNotStoredError } from "./database-errors"

describe("a failed push store is named without its statement", () => {
  const driverError = Object.assign(
    new TypeError('insert into "shopee_raw_event" ("raw_body") values (\'secret body\') - value out of range'),
    {
      code: "22003",
    }
  )

  it("keeps the class and SQLSTATE, never the message", () => {
    expect(databaseErrorName(driverError)).toEqual("TypeError, SQLSTATE 22003")
    expect(databaseErrorName(new Error("insert into x values ('y')"))).toEqual("Error")
  })

  it("gives a PushNotStoredError a message safe to log, recognised by name", () => {
    const error = new PushNotStoredError(driverError)
    expect(error.message).toEqual("The push could not be stored (TypeError, SQLSTATE 22003)")
    expect(isPushNotStored(error)).toBe(true)
    expect(isPushNotStored(driverError)).toBe(false)
  })
})

describe("a database that cannot be reached is told from a statement that failed", () => {
  const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code })

  it("knows refused and cut connections, shutdowns and start-ups, and an empty pool", () => {
    expect(isDatabaseUnreachable(withCode("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432"))).toBe(true)
    expect(isDatabaseUnreachable(withCode("ECONNRESET"))).toBe(true)
    expect(isDatabaseUnreachable(withCode("08006"))).toBe(true)
    expect(isDatabaseUnreachable(withCode("57P01", "terminating connection due to administrator command"))).toBe(true)
    expect(isDatabaseUnreachable(withCode("57P03", "the database system is starting up"))).toBe(true)
    expect(isDatabaseUnreachable(new Error("Connection terminated unexpectedly"))).toBe(true)
    expect(isDatabaseUnreachable(new Error("Knex: Timeout acquiring a connection. The pool is probably full."))).toBe(true)
  })

  it("does not take a failed statement for an unreachable database", () => {
    expect(isDatabaseUnreachable(withCode("23505", "duplicate key value violates unique constraint"))).toBe(false)
    expect(isDatabaseUnreachable(withCode("22003", "value out of range"))).toBe(false)
    expect(isDatabaseUnreachable(withCode("57014", "canceling statement due to statement timeout"))).toBe(false)
    expect(isDatabaseUnreachable(new Error('relation "shopee_raw_event" does not exist'))).toBe(false)
    expect(isDatabaseUnreachable(undefined)).toBe(false)
  })
})

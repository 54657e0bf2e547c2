import { databaseErrorName, isPushNotStored, PushNotStoredError } from "./database-errors"

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

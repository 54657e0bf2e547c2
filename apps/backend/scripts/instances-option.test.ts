import { instancesArgument, InstancesOptionError, planInstances, withDatabaseSuffix } from "./instances-option"

describe("instancesArgument", () => {
  it("is null for a plain npm start", () => {
    expect(instancesArgument([])).toBeNull()
    expect(instancesArgument(["--other"])).toBeNull()
  })

  it("reads the list after --instances or after --instances=", () => {
    expect(instancesArgument(["--instances", "sandbox,live"])).toEqual(["sandbox", "live"])
    expect(instancesArgument(["--instances=live, sandbox"])).toEqual(["live", "sandbox"])
    expect(instancesArgument(["--instances", "live"])).toEqual(["live"])
  })

  it("refuses a missing list, an unknown environment and a repeated one, naming the problem", () => {
    expect(() => instancesArgument(["--instances"])).toThrow('--instances needs a list of environments, e.g. "--instances sandbox,live"')
    expect(() => instancesArgument(["--instances", "sandbox,prod"])).toThrow('--instances accepts sandbox and live (got "prod")')
    expect(() => instancesArgument(["--instances", "live,live"])).toThrow(InstancesOptionError)
  })
})

describe("planInstances", () => {
  it("puts sandbox on PORT and live on PORT+1 whatever the order, each with its simulator, embedded database and the other's URL", () => {
    const plans = planInstances(["live", "sandbox"], {})
    expect(plans).toEqual([
      {
        environment: "live",
        port: 9001,
        simulatorPort: 9101,
        url: "http://localhost:9001",
        publicUrl: "http://localhost:9001",
        databaseUrl: undefined,
        embeddedDatabaseName: "medusa_shopee_live",
        redisUrl: undefined,
        otherInstanceUrl: "http://localhost:9000",
      },
      {
        environment: "sandbox",
        port: 9000,
        simulatorPort: 9100,
        url: "http://localhost:9000",
        publicUrl: "http://localhost:9000",
        databaseUrl: undefined,
        embeddedDatabaseName: "medusa_shopee_sandbox",
        redisUrl: undefined,
        otherInstanceUrl: "http://localhost:9001",
      },
    ])
  })

  it("moves with PORT and SHOPEE_SANDBOX_PORT as a plain npm start does", () => {
    const [sandbox, live] = planInstances(["sandbox", "live"], { PORT: "9500", SHOPEE_SANDBOX_PORT: "9600" })
    expect([sandbox.port, sandbox.simulatorPort, live.port, live.simulatorPort]).toEqual([9500, 9600, 9501, 9601])
  })

  it("gives each instance its own database on the server DATABASE_URL names", () => {
    const [sandbox, live] = planInstances(["sandbox", "live"], { DATABASE_URL: "postgres://u:p@db.example:5432/shop" })
    expect(sandbox.databaseUrl).toEqual("postgres://u:p@db.example:5432/shop_sandbox")
    expect(live.databaseUrl).toEqual("postgres://u:p@db.example:5432/shop_live")
  })

  it("takes SANDBOX_/LIVE_ settings over the shared ones, and refuses two instances on one database or Redis", () => {
    const [sandbox, live] = planInstances(["sandbox", "live"], {
      DATABASE_URL: "postgres://localhost/shop",
      LIVE_DATABASE_URL: "postgres://prod-db/shop",
      SANDBOX_REDIS_URL: "redis://localhost:6379/1",
      LIVE_REDIS_URL: "redis://localhost:6379/2",
      LIVE_SHOPEE_PUBLIC_URL: "https://shop.example",
    })
    expect(sandbox.databaseUrl).toEqual("postgres://localhost/shop_sandbox")
    expect(live.databaseUrl).toEqual("postgres://prod-db/shop")
    expect([sandbox.redisUrl, live.redisUrl]).toEqual(["redis://localhost:6379/1", "redis://localhost:6379/2"])
    expect(sandbox.otherInstanceUrl).toEqual("https://shop.example")
    expect(() =>
      planInstances(["sandbox", "live"], { SANDBOX_DATABASE_URL: "postgres://h/one", LIVE_DATABASE_URL: "postgres://h/one" })
    ).toThrow("The instances would share one database; give each its own")
    expect(() => planInstances(["sandbox", "live"], { SANDBOX_REDIS_URL: "redis://h", LIVE_REDIS_URL: "redis://h" })).toThrow(
      "The instances would share one Redis; give each its own"
    )
  })

  it("refuses a REDIS_URL or SHOPEE_PUBLIC_URL both instances would share, saying what to set instead", () => {
    expect(() => planInstances(["sandbox", "live"], { REDIS_URL: "redis://h" })).toThrow(
      "REDIS_URL would be shared by both instances; set SANDBOX_REDIS_URL and LIVE_REDIS_URL instead"
    )
    expect(() => planInstances(["sandbox", "live"], { SHOPEE_PUBLIC_URL: "https://x" })).toThrow(
      "SHOPEE_PUBLIC_URL would be shared by both instances; set SANDBOX_SHOPEE_PUBLIC_URL and LIVE_SHOPEE_PUBLIC_URL instead"
    )
  })

  it("lets a single instance use the shared settings, with no other instance to link to", () => {
    const [live] = planInstances(["live"], { REDIS_URL: "redis://h", SHOPEE_PUBLIC_URL: "https://shop.example" })
    expect(live).toMatchObject({ redisUrl: "redis://h", publicUrl: "https://shop.example", otherInstanceUrl: undefined })
  })

  it("refuses a port that is no port and a base that leaves none for live", () => {
    expect(() => planInstances(["sandbox"], { PORT: "abc" })).toThrow('PORT must be a port number (got "abc")')
    expect(() => planInstances(["sandbox", "live"], { PORT: "65535" })).toThrow("PORT leaves no port for the live instance (65536 > 65535)")
  })
})

describe("withDatabaseSuffix", () => {
  it("refuses a URL without a database name", () => {
    expect(() => withDatabaseSuffix("postgres://localhost", "live")).toThrow("DATABASE_URL names no database")
    expect(() => withDatabaseSuffix("nonsense", "live")).toThrow("DATABASE_URL is not a URL")
  })
})

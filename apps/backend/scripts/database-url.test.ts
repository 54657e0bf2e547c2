import { maskDatabaseUrl } from "./database-url"

describe("maskDatabaseUrl", () => {
  it("hides the password and keeps everything else", () => {
    expect(maskDatabaseUrl("postgres://shop:s3cr3t@db.internal:5433/medusa?sslmode=require")).toEqual(
      "postgres://shop:****@db.internal:5433/medusa?sslmode=require"
    )
  })

  it("leaves a URL without a password as it is", () => {
    expect(maskDatabaseUrl("postgres://localhost:5432/medusa")).toEqual("postgres://localhost:5432/medusa")
  })

  it("never echoes an unparseable URL, which may hold a password", () => {
    expect(maskDatabaseUrl("not a url with p@ss")).toEqual("<unparseable DATABASE_URL>")
  })
})

import { formatDate } from "./format-date"
import { formatAmount, formatBytes, formatNumber } from "./format-number"

describe("formatAmount", () => {
  it("writes the amount with its currency code as each language does (Intl puts a no-break space between)", () => {
    expect(formatAmount(150000, "VND", "en")).toBe("VND\u00a0150,000")
    expect(formatAmount(150000, "VND", "vi")).toBe("150.000\u00a0VND")
    expect(formatAmount(1234.5, "THB", "th")).toBe("THB\u00a01,234.50")
  })

  it("keeps a code that is not ISO 4217 after the number, and writes none as a dash", () => {
    expect(formatAmount(12.5, "XX1", "en")).toBe("12.5 XX1")
    expect(formatAmount(null, "VND", "en")).toBe("—")
  })
})

describe("formatNumber and formatBytes", () => {
  it("group and mark decimals as the language does", () => {
    expect(formatNumber(1234567.891, "vi")).toBe("1.234.567,89")
    expect(formatBytes(1536, "vi")).toBe("1,5 kB")
    expect(formatBytes(1536, "en")).toBe("1.5 kB")
    expect(formatBytes(500, "en")).toBe("500 B")
  })
})

describe("formatDate", () => {
  it("writes a date in the admin's language, a missing one as a dash", () => {
    const iso = "2026-05-15T10:00:00Z"
    expect(formatDate(iso, "vi")).toBe(new Date(iso).toLocaleString("vi"))
    expect(formatDate(iso, "vi")).not.toBe(formatDate(iso, "en"))
    expect(formatDate(null, "vi")).toBe("—")
  })
})

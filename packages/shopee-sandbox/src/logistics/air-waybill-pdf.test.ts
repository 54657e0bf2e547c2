import { airWaybillPdf } from "./air-waybill-pdf.js"

const page = (n: number) => ({
  order_sn: `2611300000${n}`,
  package_number: `OFG${n}`,
  tracking_number: `SPXSG00${n}`,
  shipping_document_type: "THERMAL_AIR_WAYBILL",
})

/** Every object the cross-reference table lists starts exactly at its recorded offset, as readers require. */
function xrefIsExact(pdf: Buffer): boolean {
  const text = pdf.toString("latin1")
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1])
  const table = text.slice(startxref)
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(table)!
  const entries = table.split("\n").slice(2, 2 + Number(count))
  return entries.every((entry, i) => {
    if (i + Number(first) === 0) return entry === "0000000000 65535 f "
    const offset = Number(entry.slice(0, 10))
    return entry.length === 19 && text.startsWith(`${i} 0 obj\n`, offset)
  })
}

describe("airWaybillPdf", () => {
  test("writes a PDF whose header, trailer and cross-reference offsets are exact", () => {
    const pdf = airWaybillPdf([page(1)])
    expect(pdf.subarray(0, 8).toString("latin1")).toBe("%PDF-1.4")
    expect(pdf.toString("latin1")).toMatch(/trailer\n<< \/Size 6 \/Root 1 0 R >>/)
    expect(xrefIsExact(pdf)).toBe(true)
  })

  test("puts one page per package, each showing its order_sn and tracking number", () => {
    const pdf = airWaybillPdf([page(1), page(2), page(3)]).toString("latin1")
    expect(pdf).toContain("/Count 3")
    expect(pdf.match(/\/Type \/Page /g)).toHaveLength(3)
    for (const n of [1, 2, 3]) {
      expect(pdf).toContain(`(Order: 2611300000${n})`)
      expect(pdf).toContain(`(Tracking number: SPXSG00${n})`)
    }
    expect(xrefIsExact(Buffer.from(pdf, "latin1"))).toBe(true)
  })

  test("escapes what would end a PDF string early and keeps stream lengths exact", () => {
    const pdf = airWaybillPdf([{ ...page(1), tracking_number: "A(1)\\B" }]).toString("latin1")
    expect(pdf).toContain("(Tracking number: A\\(1\\)\\\\B)")
    const [, length, stream] = /<< \/Length (\d+) >>\nstream\n([\s\S]*?)\nendstream/.exec(pdf)!
    expect(Buffer.byteLength(stream, "latin1")).toBe(Number(length))
  })

  test("refuses an empty document", () => {
    expect(() => airWaybillPdf([])).toThrow(/at least one page/)
  })
})

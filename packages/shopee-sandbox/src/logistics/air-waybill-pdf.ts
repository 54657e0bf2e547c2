/** What one page of an air waybill shows. */
export interface WaybillPage {
  order_sn: string
  package_number: string
  tracking_number: string
  shipping_document_type: string
}

/** PDF string literals escape these three; anything outside printable ASCII becomes "?" (Helvetica's standard encoding). */
function pdfText(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, "?").replace(/[\\()]/g, (c) => `\\${c}`)
}

function pageContent(page: WaybillPage): string {
  const lines: [number, string][] = [
    [18, "Shopee sandbox air waybill"],
    [14, `Order: ${page.order_sn}`],
    [14, `Package: ${page.package_number}`],
    [14, `Tracking number: ${page.tracking_number}`],
    [10, `Document type: ${page.shipping_document_type}`],
  ]
  let y = 380
  return lines
    .map(([size, text]) => {
      y -= size + 14
      return `BT /F1 ${size} Tf 24 ${y} Td (${pdfText(text)}) Tj ET`
    })
    .join("\n")
}

/**
 * A minimal but valid PDF 1.4, written by hand: one A6 page per package with its order_sn and
 * tracking number in Helvetica (a standard font, so nothing is embedded), and a cross-reference
 * table whose byte offsets readers check.
 */
export function airWaybillPdf(pages: WaybillPage[]): Buffer {
  if (pages.length === 0) throw new Error("an air waybill needs at least one page")
  // Objects: 1 catalog, 2 page tree, 3 font, then a page and its content stream for each package.
  const pageIds = pages.map((_, i) => 4 + i * 2)
  const objects: string[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ]
  pages.forEach((page, i) => {
    const content = pageContent(page)
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 298 420] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`
    )
    objects.push(`<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`)
  })
  let body = "%PDF-1.4\n"
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"))
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xrefAt = Buffer.byteLength(body, "latin1")
  // Each xref entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, then space and LF.
  const entries = ["0000000000 65535 f \n", ...offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`)]
  body += `xref\n0 ${objects.length + 1}\n${entries.join("")}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`
  return Buffer.from(body, "latin1")
}

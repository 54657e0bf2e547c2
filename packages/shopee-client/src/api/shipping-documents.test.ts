import { ShopeeServerError } from "../errors.js"
import { clientFor, shopFor } from "../test-support/client-for.js"
import { type FakeShopee, startFakeShopee } from "../test-support/fake-shopee.js"
import {
  CREATE_SHIPPING_DOCUMENT_PATH,
  DOWNLOAD_SHIPPING_DOCUMENT_PATH,
  GET_SHIPPING_DOCUMENT_PARAMETER_PATH,
  GET_SHIPPING_DOCUMENT_RESULT_PATH,
} from "./logistics.js"

let fake: FakeShopee
beforeEach(async () => {
  fake = await startFakeShopee()
})
afterEach(() => fake.close())

describe("shipping documents", () => {
  it("reads the suggested type, creates the document, reads its result, each as a POST with order_list", async () => {
    fake.on(GET_SHIPPING_DOCUMENT_PARAMETER_PATH, () => ({
      response: {
        result_list: [
          {
            order_sn: "A1",
            package_number: "P1",
            suggest_shipping_document_type: "THERMAL_AIR_WAYBILL",
            selectable_shipping_document_type: [],
          },
        ],
      },
    }))
    fake.on(CREATE_SHIPPING_DOCUMENT_PATH, () => ({
      response: {
        result_list: [
          { order_sn: "A1", package_number: "P1" },
          { order_sn: "B2", fail_error: "e", fail_message: "m" },
        ],
      },
    }))
    fake.on(GET_SHIPPING_DOCUMENT_RESULT_PATH, () => ({ response: { result_list: [{ order_sn: "A1", status: "READY" }] } }))
    const shop = shopFor(fake, clientFor(fake).client)

    const [parameter] = await shop.logistics.getShippingDocumentParameter([{ order_sn: "A1" }])
    expect(parameter).toMatchObject({ suggest_shipping_document_type: "THERMAL_AIR_WAYBILL" })
    const created = await shop.logistics.createShippingDocument([
      { order_sn: "A1", tracking_number: "T1", shipping_document_type: "THERMAL_AIR_WAYBILL" },
      { order_sn: "B2", tracking_number: "T2" },
    ])
    expect(created[1]).toEqual({ order_sn: "B2", fail_error: "e", fail_message: "m" })
    expect(fake.callsTo(CREATE_SHIPPING_DOCUMENT_PATH)[0]).toMatchObject({
      method: "POST",
      body: { order_list: [{ order_sn: "A1", tracking_number: "T1", shipping_document_type: "THERMAL_AIR_WAYBILL" }, { order_sn: "B2" }] },
    })
    await expect(shop.logistics.getShippingDocumentResult([{ order_sn: "A1" }])).resolves.toEqual([{ order_sn: "A1", status: "READY" }])
  })

  it("downloads the file's bytes as they came, with their content type", async () => {
    const pdf = Buffer.from("%PDF-1.4\n\x00\xff binary\n%%EOF\n", "latin1")
    fake.on(DOWNLOAD_SHIPPING_DOCUMENT_PATH, () => ({ file: pdf, contentType: "application/pdf" }))
    const shop = shopFor(fake, clientFor(fake).client)
    const file = await shop.logistics.downloadShippingDocument({
      shipping_document_type: "THERMAL_AIR_WAYBILL",
      order_list: [{ order_sn: "A1" }],
    })
    expect(file.content_type).toBe("application/pdf")
    expect(Buffer.from(file.bytes).equals(pdf)).toBe(true)
    expect(fake.callsTo(DOWNLOAD_SHIPPING_DOCUMENT_PATH)[0]!.body).toEqual({
      shipping_document_type: "THERMAL_AIR_WAYBILL",
      order_list: [{ order_sn: "A1" }],
    })
  })

  it("surfaces Shopee's refusal of a download as its error, and a success envelope without a file as a server error", async () => {
    fake.on(DOWNLOAD_SHIPPING_DOCUMENT_PATH, (_request, index) =>
      index === 0
        ? {
            status: 200,
            raw: { request_id: "r", error: "logistics.shipping_document_not_ready", message: "The shipping document is not ready." },
          }
        : { response: {} }
    )
    const shop = shopFor(fake, clientFor(fake).client)
    await expect(shop.logistics.downloadShippingDocument({ order_list: [{ order_sn: "A1" }] })).rejects.toMatchObject({
      error: "logistics.shipping_document_not_ready",
    })
    await expect(shop.logistics.downloadShippingDocument({ order_list: [{ order_sn: "A1" }] })).rejects.toBeInstanceOf(ShopeeServerError)
  })
})

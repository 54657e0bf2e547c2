import { planOrderImport } from "./order-import-plan"
import type { OrderDetail } from "@shopee-medusa/shopee-client"

const detail: OrderDetail = {
  order_sn: "251126ABCDEF01",
  region: "SG",
  currency: "SGD",
  cod: false,
  order_status: "READY_TO_SHIP",
  create_time: 1764090000,
  update_time: 1764100000,
  days_to_ship: 3,
  ship_by_date: 1764359200,
  buyer_user_id: 88123,
  buyer_username: "card_fan",
  total_amount: 1259.5,
  recipient_address: {
    name: "T****n",
    phone: "******89",
    town: "",
    district: "Bukit ****",
    city: "Singapore",
    state: "",
    region: "SG",
    zipcode: "5****1",
    full_address: "1** O***** Road, Singapore",
  },
  item_list: [
    { item_id: 1, item_name: "Charizard Holo", item_sku: "PKM-BS-004", model_id: 11, model_name: "PSA 8", model_sku: "PKM-BS-004-PSA8", model_quantity_purchased: 1, model_original_price: 1300, model_discounted_price: 1250, order_item_id: 1 },
    { item_id: 2, item_name: "Sleeve", item_sku: "SLV-1", model_id: 0, model_name: "", model_sku: "", model_quantity_purchased: 2, model_original_price: 2, model_discounted_price: 0, order_item_id: 2 },
  ],
}

describe("planOrderImport", () => {
  it("prices lines as the buyer paid them, the discounted price unless a bundle deal reports 0", () => {
    const plan = planOrderImport(detail)
    expect(plan.lines.map((line) => [line.sku, line.quantity, line.unit_price])).toEqual([
      ["PKM-BS-004-PSA8", 1, 1250],
      ["SLV-1", 2, 2],
    ])
    expect(plan.lines[0].title).toEqual("Charizard Holo — PSA 8")
  })

  it("puts the rest of Shopee's total on the shipping line", () => {
    expect(planOrderImport(detail).shipping_amount).toEqual(5.5)
  })

  it("keeps masked address fields as Shopee sends them", () => {
    expect(planOrderImport(detail).address).toMatchObject({
      first_name: "T****n",
      postal_code: "5****1",
      address_1: "1** O***** Road, Singapore",
      address_2: "Bukit ****",
      country_code: "sg",
    })
  })

  it("gives each buyer one stable placeholder e-mail and lower-cases the currency", () => {
    const plan = planOrderImport(detail)
    expect(plan.email).toEqual("buyer-88123@shopee.invalid")
    expect(plan.currency_code).toEqual("sgd")
  })
})

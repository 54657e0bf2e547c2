import { interpretUpdateStock } from "./update-stock-result"

const requested = [
  { model_id: 1, stock: 4 },
  { model_id: 2, stock: 0 },
  { model_id: 3, stock: 7 },
]

describe("interpretUpdateStock", () => {
  it("marks models Shopee lists as succeeded with the asked quantity as written", () => {
    const outcomes = interpretUpdateStock({
      requested,
      answer: { success_list: requested.map((entry) => ({ ...entry, location_id: "SGZ" })), failure_list: [] },
      call_error: null,
    })
    expect(outcomes).toEqual(requested.map(({ model_id, stock }) => ({ model_id, requested: stock, status: "written" })))
  })

  it("reads a partial answer model by model, classifying each failure", () => {
    const outcomes = interpretUpdateStock({
      requested,
      answer: {
        success_list: [{ model_id: 1, stock: 4 }],
        failure_list: [
          { model_id: 2, failed_reason: "Can not update item with stock less than reserved stock" },
          { model_id: 3, failed_reason: "cannot change stock in holiday mode" },
        ],
      },
      call_error: null,
    })
    expect(outcomes.map((o) => [o.model_id, o.status, o.status === "failed" ? o.failure.reason : null])).toEqual([
      [1, "written", null],
      [2, "failed", "less than reserved stock"],
      [3, "failed", "shop in holiday mode"],
    ])
  })

  it("keeps the successes of a partial answer that came with a call-level error, and fails the rest with it", () => {
    const outcomes = interpretUpdateStock({
      requested,
      answer: { success_list: [{ model_id: 1, stock: 4 }], failure_list: [{ model_id: 2, failed_reason: "the shop is under penalty" }] },
      call_error: { name: "ShopeeServerError", message: "error_inner" },
    })
    expect(outcomes[0]).toEqual({ model_id: 1, requested: 4, status: "written" })
    expect(outcomes[1]).toMatchObject({ status: "failed", failure: { level: "item", reason: "shop under penalty" } })
    expect(outcomes[2]).toMatchObject({ status: "failed", failure: { level: "system", reason: "Shopee server error" } })
  })

  it("fails every model with the call error when no answer came", () => {
    const outcomes = interpretUpdateStock({ requested, answer: null, call_error: { name: "ShopeeTimeoutError", message: "timed out" } })
    expect(outcomes.every((o) => o.status === "failed" && o.failure.level === "system" && o.failure.reason === "timeout")).toBe(true)
  })

  it("fails, system-level, a model Shopee neither listed nor refused", () => {
    const [, second] = interpretUpdateStock({
      requested: requested.slice(0, 2),
      answer: { success_list: [{ model_id: 1, stock: 4 }], failure_list: [] },
      call_error: null,
    })
    expect(second).toMatchObject({ status: "failed", failure: { level: "system", reason: "missing from Shopee's answer" } })
  })

  it("sums a model's successes over several warehouses before comparing", () => {
    const [first] = interpretUpdateStock({
      requested: [{ model_id: 1, stock: 4 }],
      answer: {
        success_list: [
          { model_id: 1, location_id: "A", stock: 3 },
          { model_id: 1, location_id: "B", stock: 1 },
        ],
        failure_list: [],
      },
      call_error: null,
    })
    expect(first.status).toEqual("written")
  })

  it("fails a model Shopee accepted with another quantity", () => {
    const [first] = interpretUpdateStock({
      requested: [{ model_id: 1, stock: 4 }],
      answer: { success_list: [{ model_id: 1, stock: 5 }], failure_list: [] },
      call_error: null,
    })
    expect(first).toMatchObject({ status: "failed", failure: { detail: "Shopee accepted 5 when 4 was sent" } })
  })

  it("fails a model that reads back differently, or not at all, as item-level", () => {
    const outcomes = interpretUpdateStock({
      requested,
      answer: { success_list: requested, failure_list: [] },
      call_error: null,
      read_back: [
        { model_id: 1, stock: 4 },
        { model_id: 2, stock: 1 },
      ],
    })
    expect(outcomes[0].status).toEqual("written")
    expect(outcomes[1]).toMatchObject({ status: "failed", failure: { level: "item", detail: "read back 1 after writing 0" } })
    expect(outcomes[2]).toMatchObject({ status: "failed", failure: { detail: "the model was missing when read back after writing 7" } })
  })
})

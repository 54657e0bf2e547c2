import { chunk } from "./chunk.js"

describe("chunk", () => {
  it("slices into batches of at most the given size, in order", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
    expect(chunk([], 50)).toEqual([])
    expect(() => chunk([1], 0)).toThrow(RangeError)
  })
})

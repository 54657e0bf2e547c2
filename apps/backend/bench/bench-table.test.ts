import { benchJsonLine, parseBenchJson, type BenchRow } from "./bench-json"
import { figure, formatBenchTable } from "./bench-table"

const pipeline: BenchRow = {
  name: "pipeline",
  value: 12.34,
  unit: "orders/s",
  baseline: 15.2,
  ratio: 0.8118,
  goal: ">= 0.8x floor",
  met: true,
}

describe("BENCH_JSON lines", () => {
  it("reads back the line a benchmark printed, among its other output", () => {
    const output = ["[bench:orders] starting…", benchJsonLine("orders", [pipeline]), "[bench:orders] stopping"].join("\n")
    expect(parseBenchJson(output)).toEqual({ bench: "orders", rows: [pipeline] })
  })

  it("answers null for output without a line, and skips a broken line for an earlier good one", () => {
    expect(parseBenchJson("no figures here\n")).toBeNull()
    const good = benchJsonLine("stock", [pipeline])
    expect(parseBenchJson(`${good}\nBENCH_JSON {"bench":"stock","rows":[{"name":1}]}\nBENCH_JSON {not json`)).toEqual({
      bench: "stock",
      rows: [pipeline],
    })
  })

  it("reads an absent or non-numeric baseline, ratio, goal or met as null", () => {
    const line = 'BENCH_JSON {"bench":"webhook","rows":[{"name":"rps","value":5,"unit":"req/s","ratio":"x","met":"yes"}]}'
    expect(parseBenchJson(line)?.rows[0]).toEqual({
      name: "rps",
      value: 5,
      unit: "req/s",
      baseline: null,
      ratio: null,
      goal: null,
      met: null,
    })
  })
})

describe("formatBenchTable", () => {
  it("puts every figure on a row, says which goal is not met, and counts the goals met", () => {
    const table = formatBenchTable([
      {
        bench: "orders",
        exitCode: 0,
        seconds: 100,
        report: { bench: "orders", rows: [pipeline, { ...pipeline, name: "floor", ratio: null, baseline: null, goal: null, met: null }] },
      },
      {
        bench: "stock",
        exitCode: 0,
        seconds: 50,
        report: { bench: "stock", rows: [{ ...pipeline, name: "resync", met: false, ratio: 0.5 }] },
      },
    ])
    const lines = table.split("\n")
    expect(lines[0]).toMatch(/^bench\s+figure\s+value\s+baseline\s+ratio\s+goal\s+met$/)
    expect(lines.find((line) => line.startsWith("orders  pipeline"))).toMatch(/12\.3 orders\/s\s+15\.2\s+0\.81x\s+>= 0\.8x floor\s+yes$/)
    expect(lines.find((line) => line.includes("resync"))).toMatch(/0\.50x\s+>= 0\.8x floor\s+NO$/)
    expect(lines[lines.length - 1]).toBe("goals met: 1/2")
  })

  it("shows a benchmark that printed no line as missing, with its exit code", () => {
    const table = formatBenchTable([{ bench: "webhook", exitCode: 1, seconds: 3, report: null }])
    expect(table).toMatch(/webhook\s+missing \(no BENCH_JSON line\)\s+exit 1/)
    expect(table.endsWith("goals met: 0/0")).toBe(true)
  })

  it("rounds figures to what can be read", () => {
    expect([figure(1507.2), figure(3.44), figure(0.1234)]).toEqual(["1,507", "3.4", "0.123"])
  })
})

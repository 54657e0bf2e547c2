import { workerModeFromEnv } from "./worker-mode"

describe("workerModeFromEnv", () => {
  it("runs everything in one process when unset", () => {
    expect(workerModeFromEnv(undefined)).toEqual("shared")
    expect(workerModeFromEnv("")).toEqual("shared")
  })

  it("honours server and worker", () => {
    expect(workerModeFromEnv("server")).toEqual("server")
    expect(workerModeFromEnv("worker")).toEqual("worker")
  })

  it("refuses anything else, naming the value", () => {
    expect(() => workerModeFromEnv("workers")).toThrow('MEDUSA_WORKER_MODE must be shared, server or worker (got "workers")')
  })
})

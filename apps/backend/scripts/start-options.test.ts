import { medusaProcesses, parseStartOptions } from "./start-options"

describe("npm start's topology flags", () => {
  it("is one process without flags", () => {
    expect(parseStartOptions([], 2)).toEqual({ servers: 1, worker: false })
    expect(medusaProcesses({ servers: 1, worker: false }, 9001)).toEqual([{ name: "Medusa", args: ["start"], env: {} }])
  })

  it("splits a server and a worker with --worker, the worker on its own port", () => {
    const options = parseStartOptions(["--worker"], 2)
    expect(options).toEqual({ servers: 1, worker: true })
    expect(medusaProcesses(options, 9001)).toEqual([
      { name: "Medusa server", args: ["start"], env: { MEDUSA_WORKER_MODE: "server" } },
      { name: "Medusa worker", args: ["start"], env: { MEDUSA_WORKER_MODE: "worker", PORT: "9001" } },
    ])
  })

  it("starts N servers on one port through Medusa's cluster mode, always with a worker", () => {
    for (const argv of [["--servers=2"], ["--servers", "2", "--worker"]]) {
      expect(parseStartOptions(argv, 2)).toEqual({ servers: 2, worker: true })
    }
    expect(medusaProcesses({ servers: 2, worker: true }, 9001)[0]).toMatchObject({
      args: ["start", "--cluster", "2", "--servers", "2"],
      env: { MEDUSA_WORKER_MODE: "server" },
    })
  })

  it("refuses a count that is not a whole number, more servers than cores, and unknown flags, naming them", () => {
    expect(() => parseStartOptions(["--servers=0"], 2)).toThrow('--servers must be a whole number of server processes, 1 or more (got "0")')
    expect(() => parseStartOptions(["--servers=two"], 2)).toThrow('(got "two")')
    expect(() => parseStartOptions(["--servers"], 2)).toThrow('(got "")')
    expect(() => parseStartOptions(["--servers=3"], 2)).toThrow("--servers=3 exceeds the 2 cores of this machine")
    expect(() => parseStartOptions(["--workers"], 2)).toThrow(
      'Unknown option "--workers": npm start takes --servers=N, --worker or --instances sandbox,live'
    )
  })
})

import { medusaProcesses, parseStartOptions, spawnCommand, WORKER_NICE } from "./start-options"

describe("npm start's topology flags", () => {
  it("is one process without flags", () => {
    expect(parseStartOptions([], 2)).toEqual({ servers: 1, worker: false })
    expect(medusaProcesses({ servers: 1, worker: false }, 9001)).toEqual([{ name: "Medusa", args: ["start"], env: {}, nice: 0 }])
  })

  it("splits a server and a worker with --worker, the worker on its own port", () => {
    const options = parseStartOptions(["--worker"], 2)
    expect(options).toEqual({ servers: 1, worker: true })
    expect(medusaProcesses(options, 9001)).toEqual([
      { name: "Medusa server", args: ["start"], env: { MEDUSA_WORKER_MODE: "server" }, nice: 0 },
      { name: "Medusa worker", args: ["start"], env: { MEDUSA_WORKER_MODE: "worker", PORT: "9001" }, nice: WORKER_NICE },
    ])
  })

  it("starts the worker under nice, so that the servers answering Shopee come first for the CPU, except on Windows", () => {
    const [server, worker] = medusaProcesses({ servers: 1, worker: true }, 9001)
    expect(spawnCommand(server, "/bin/medusa", "linux")).toEqual({ command: "/bin/medusa", args: ["start"] })
    expect(spawnCommand(worker, "/bin/medusa", "linux")).toEqual({ command: "nice", args: ["-n", "10", "/bin/medusa", "start"] })
    expect(spawnCommand(worker, "medusa.cmd", "win32")).toEqual({ command: "medusa.cmd", args: ["start"] })
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

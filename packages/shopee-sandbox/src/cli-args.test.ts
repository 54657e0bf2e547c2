import { parseCliArgs } from "./cli-args.js"

describe("CLI arguments", () => {
  test("defaults to port 9100 on 127.0.0.1 without state", () => {
    expect(parseCliArgs([])).toEqual({ port: 9100, host: "127.0.0.1", stateFile: undefined, callbackUrl: null, pushSchedule: undefined })
  })

  test("reads port, state file, callback URL and a push schedule", () => {
    const options = parseCliArgs([
      "--port",
      "0",
      "--state",
      "s.json",
      "--callback-url",
      "http://localhost:9000/hook",
      "--push-schedule",
      "1000,2000",
    ])
    expect(options).toMatchObject({ port: 0, stateFile: "s.json", callbackUrl: "http://localhost:9000/hook", pushSchedule: [1000, 2000] })
  })

  test.each([[["--port", "http"]], [["--colour", "red"]], [["--port"]], [["--callback-url", "not a url"]]])("refuses %j", (argv) => {
    expect(() => parseCliArgs(argv)).toThrow()
  })
})

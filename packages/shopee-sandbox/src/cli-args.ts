/** The CLI's options, from `--name value` pairs. */
export interface CliOptions {
  port: number
  host: string
  stateFile: string | undefined
  callbackUrl: string | null
  pushSchedule: number[] | undefined
}

export const USAGE = `Usage: shopee-sandbox [--port 9100] [--host 127.0.0.1] [--state state.json]
                      [--callback-url http://localhost:9000/connectors/shopee/webhook/sandbox]
                      [--push-schedule 300000,1800000,10800000]`

export function parseCliArgs(argv: string[]): CliOptions {
  const options: CliOptions = { port: 9100, host: "127.0.0.1", stateFile: undefined, callbackUrl: null, pushSchedule: undefined }
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]
    const value = argv[i + 1]
    if (name === "--help" || name === "-h") throw new Error(USAGE)
    if (value === undefined) throw new Error(`${name} needs a value\n${USAGE}`)
    i++
    if (name === "--port") {
      options.port = Number(value)
      if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error(`--port: not a port: ${value}`)
    } else if (name === "--host") options.host = value
    else if (name === "--state") options.stateFile = value
    else if (name === "--callback-url") {
      if (!URL.canParse(value)) throw new Error(`--callback-url: not a URL: ${value}`)
      options.callbackUrl = value
    } else if (name === "--push-schedule") {
      options.pushSchedule = value.split(",").map(Number)
      if (options.pushSchedule.some((n) => !Number.isInteger(n) || n < 0))
        throw new Error(`--push-schedule: not a list of milliseconds: ${value}`)
    } else throw new Error(`unknown option ${name}\n${USAGE}`)
  }
  return options
}

#!/usr/bin/env node
import { parseCliArgs } from "./cli-args.js"
import { DEMO_PARTNER_ID, DEMO_PARTNER_KEY, DEMO_PUSH_PARTNER_KEY, DEMO_SHOP_ID, demoSeed } from "./demo-seed.js"
import { startSandbox } from "./server.js"

async function main(): Promise<void> {
  let options
  try {
    options = parseCliArgs(process.argv.slice(2))
  } catch (err) {
    console.error((err as Error).message)
    process.exit(2)
  }
  const running = await startSandbox({
    port: options.port,
    host: options.host,
    stateFile: options.stateFile,
    pushSchedule: options.pushSchedule,
    // Used only when there is no saved state to load.
    ...demoSeed(options.callbackUrl),
  })
  console.log(`Shopee sandbox listening on ${running.url}`)
  console.log(`  seller console  ${running.url}/console`)
  console.log(`  control API     ${running.url}/_control/state`)
  console.log(`  demo partner    partner_id=${DEMO_PARTNER_ID} partner_key=${DEMO_PARTNER_KEY} (seeded when no state was saved)`)
  console.log(`                  push_partner_key=${DEMO_PUSH_PARTNER_KEY} shop_id=${DEMO_SHOP_ID}`)
  if (options.stateFile) console.log(`  state file      ${options.stateFile}`)
  const stop = () => {
    void running.close().then(() => process.exit(0))
  }
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
}

void main()

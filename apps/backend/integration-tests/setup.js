// Each test file boots its own Medusa; MikroORM's metadata from the previous one must not leak in.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()

// The specs drive the plugin's work by hand (retry, reconcile, refresh, flush): its scheduled
// jobs would race them for it, so they are off unless a spec (its runner `env`) or the person
// running jest sets SHOPEE_JOBS. `npm start`, which the browser specs run, does not inherit it.
process.env.SHOPEE_JOBS ??= "off"

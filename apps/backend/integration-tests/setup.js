// Each test file boots its own Medusa; MikroORM's metadata from the previous one must not leak in.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()

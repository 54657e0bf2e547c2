import fs from "node:fs"
import path from "node:path"

/**
 * The files a `create-medusa-app` project starts with (package.json, tsconfig.json,
 * medusa-config.ts), written from scratch for one Medusa version: nothing of apps/backend, so
 * the plugin is proven in a store that knows nothing of this repository. The dev dependencies
 * are the starter's minus its test and formatting tools, which an install does not exercise.
 */
export function writeFreshApp(dir: string, medusaVersion: string): void {
  fs.mkdirSync(dir, { recursive: true })
  const packageJson = {
    name: "fresh-medusa-store",
    version: "0.0.1",
    private: true,
    scripts: { build: "medusa build", start: "medusa start", dev: "medusa develop" },
    dependencies: {
      "@medusajs/admin-sdk": medusaVersion,
      "@medusajs/cli": medusaVersion,
      "@medusajs/framework": medusaVersion,
      "@medusajs/medusa": medusaVersion,
    },
    devDependencies: {
      "@swc/core": "^1.7.28",
      "@types/node": "^20.0.0",
      "@types/react": "^18.3.2",
      "@types/react-dom": "^18.2.25",
      react: "^18.3.1",
      "react-dom": "^18.3.1",
      "ts-node": "^10.9.2",
      typescript: "^5.6.2",
      vite: "^7.3.6",
    },
    engines: { node: ">=20" },
  }
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(packageJson, null, 2) + "\n")
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2) + "\n")
  writeMedusaConfig(dir, { withPlugin: false })
}

/** medusa-config.ts as the starter has it, with or without the plugin entry the README gives. */
export function writeMedusaConfig(dir: string, { withPlugin }: { withPlugin: boolean }): void {
  const plugins = withPlugin
    ? `
  plugins: [
    {
      resolve: "medusa-plugin-shopee",
      options: {},
    },
  ],`
    : ""
  fs.writeFileSync(
    path.join(dir, "medusa-config.ts"),
    `import { loadEnv, defineConfig } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS!,
      adminCors: process.env.ADMIN_CORS!,
      authCors: process.env.AUTH_CORS!,
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },${plugins}
})
`
  )
}

const TSCONFIG = {
  compilerOptions: {
    target: "ES2021",
    esModuleInterop: true,
    module: "Node16",
    moduleResolution: "Node16",
    emitDecoratorMetadata: true,
    experimentalDecorators: true,
    skipLibCheck: true,
    skipDefaultLibCheck: true,
    declaration: false,
    sourceMap: false,
    inlineSourceMap: true,
    outDir: "./.medusa/server",
    rootDir: "./",
    jsx: "react-jsx",
    forceConsistentCasingInFileNames: true,
    resolveJsonModule: true,
    checkJs: false,
    strict: true,
  },
  "ts-node": { swc: true },
  include: ["**/*", ".medusa/types/*"],
  exclude: ["node_modules", ".medusa/server", ".medusa/admin", ".cache"],
}

const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

/** HTTP integration tests: a real Medusa with the plugin, a real PostgreSQL, real HTTP. */
module.exports = {
  testEnvironment: "node",
  transform: {
    "^.+\\.[jt]sx?$": ["@swc/jest", { jsc: { parser: { syntax: "typescript", decorators: true } } }],
  },
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.data/"],
  testMatch: [
    "<rootDir>/integration-tests/**/*.spec.ts",
    "<rootDir>/src/**/*.test.ts",
    "<rootDir>/scripts/**/*.test.ts",
    "<rootDir>/bench/**/*.test.ts",
    "<rootDir>/faults/**/*.test.ts",
  ],
  setupFiles: ["./integration-tests/setup.js"],
}

const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

/**
 * Unit tests (`*.test.ts` beside the code) and module integration tests
 * (`src/modules/shopee/__tests__/*.spec.ts`, a real PostgreSQL through moduleIntegrationTestRunner).
 */
module.exports = {
  testEnvironment: "node",
  transform: {
    "^.+\\.[jt]sx?$": ["@swc/jest", { jsc: { parser: { syntax: "typescript", decorators: true, tsx: true } } }],
  },
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/"],
  testMatch: ["<rootDir>/src/**/*.test.ts", "<rootDir>/src/**/__tests__/**/*.spec.ts"],
  setupFiles: ["./integration-tests/setup.js"],
}

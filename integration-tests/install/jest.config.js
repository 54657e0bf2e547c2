/** The install test: both packages packed and installed into a fresh Medusa app, plus its pure helpers' unit tests. */
module.exports = {
  testEnvironment: "node",
  transform: {
    "^.+\\.[jt]sx?$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" } } }],
  },
  moduleFileExtensions: ["js", "ts", "json"],
  testMatch: ["<rootDir>/**/*.test.ts", "<rootDir>/**/*.spec.ts"],
}

// The project's lint rules: the sets Medusa's own repository uses (ESLint and typescript-eslint
// recommended; react, react/jsx-runtime and react-hooks recommended for the admin), with
// formatting left to Prettier (eslint-config-prettier turns off the rules it owns).
import js from "@eslint/js"
import prettier from "eslint-config-prettier"
import react from "eslint-plugin-react"
import reactHooks from "eslint-plugin-react-hooks"
import globals from "globals"
import tseslint from "typescript-eslint"

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/",
      "**/dist/",
      "**/.medusa/",
      "**/.data/",
      "**/test-results/",
      "**/artifacts/",
      "**/coverage/",
      "**/.jest-results/",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["**/*.spec.ts", "**/*.test.ts", "**/__tests__/**", "**/integration-tests/**"],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    files: ["packages/medusa-plugin-shopee/src/admin/**/*.{ts,tsx}"],
    ...react.configs.flat.recommended,
    languageOptions: { ...react.configs.flat.recommended.languageOptions, globals: { ...globals.browser } },
    settings: { react: { version: "detect" } },
  },
  {
    files: ["packages/medusa-plugin-shopee/src/admin/**/*.{ts,tsx}"],
    ...react.configs.flat["jsx-runtime"],
    rules: {
      ...react.configs.flat["jsx-runtime"].rules,
      // Apostrophes and quotes in the admin's prose render as typed; only > and } are likely slips.
      "react/no-unescaped-entities": ["error", { forbid: [">", "}"] }],
    },
  },
  {
    files: ["packages/medusa-plugin-shopee/src/admin/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
  },
  {
    rules: {
      // The backend and its tests load the plugin from its build, which has no type declarations: require() it.
      "@typescript-eslint/no-require-imports": ["error", { allow: ["^medusa-plugin-shopee/"] }],
      // An argument or binding named with a leading underscore is unused on purpose (a callback's
      // required position, a destructured field left out of a rest).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    files: [
      "**/*.test.ts",
      "**/*.spec.ts",
      "**/integration-tests/**",
      "**/test-support/**",
      "apps/backend/bench/**",
      "apps/backend/scripts/admin-server.ts",
    ],
    // Tests, their harnesses and the benches read JSON answers through helpers typed `any` by default, so an
    // assertion can reach into an answer; the shipped code (plugin, client, simulator, backend) stays without any.
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    // These are CommonJS files (jest configs and setup): require is their import.
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier
)

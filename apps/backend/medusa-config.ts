import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import { infrastructureModules } from "./src/infrastructure-modules"
import { sessionCookieOptions } from "./src/session-cookie"
import { workerModeFromEnv } from "./src/worker-mode"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: process.env.REDIS_URL,
    workerMode: workerModeFromEnv(process.env.MEDUSA_WORKER_MODE),
    http: {
      storeCors: process.env.STORE_CORS ?? "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS ?? "http://localhost:9000",
      authCors: process.env.AUTH_CORS ?? "http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
    // Secure unless the store's public URL is plain http on loopback (npm start's demo).
    cookieOptions: sessionCookieOptions(process.env),
  },
  admin: {
    disable: process.env.DISABLE_ADMIN === "true",
    backendUrl: process.env.MEDUSA_BACKEND_URL,
  },
  plugins: [
    {
      resolve: "medusa-plugin-shopee",
      options: {
        // A separate live instance with its own database pins itself: SHOPEE_PINNED_ENVIRONMENT=live.
        pinned_environment: process.env.SHOPEE_PINNED_ENVIRONMENT || undefined,
      },
    },
  ],
  modules: infrastructureModules(process.env.REDIS_URL),
})

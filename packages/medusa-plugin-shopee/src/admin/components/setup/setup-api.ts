import { sdk } from "../../lib/sdk"
import { shopeeKeys } from "../../lib/query-keys"
import type { RegistrationUrls, ShopeeEnvironment } from "../../lib/types"

export type SetupStep = {
  id: string
  done: boolean
  detail: Record<string, string | number | boolean | null>
  next_action: string | null
  link: string | null
}

export type SetupAnswer = {
  environment: ShopeeEnvironment
  steps: SetupStep[]
  urls: RegistrationUrls
  last_push: { received_at: string; signature_ok: boolean; code: number | null } | null
}

export type TestPushAnswer = { requested_at: string; push_test_id: string; callback_url: string }

/** Under `shopeeKeys.all`, so every mutation of the other pages refreshes the guide too. */
export const setupKey = (environment: ShopeeEnvironment) => [...shopeeKeys.all, "setup", environment] as const

export const setupApi = {
  steps: (environment: ShopeeEnvironment) => sdk.client.fetch<SetupAnswer>("/admin/shopee/setup", { query: { environment } }),
  testPush: (environment: ShopeeEnvironment) =>
    sdk.client.fetch<TestPushAnswer>("/admin/shopee/setup/test-push", { method: "POST", query: { environment } }),
}

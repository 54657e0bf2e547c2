import type { InferTypeOf } from "@medusajs/framework/types"
import { MedusaService } from "@medusajs/framework/utils"
import { ConnectorException } from "./models/connector-exception"
import { ShopeeActiveEnvironment } from "./models/shopee-active-environment"
import { ShopeeAuthToken } from "./models/shopee-auth-token"
import { ShopeeOAuthStateUse } from "./models/shopee-oauth-state-use"
import { ShopeeOrderSync } from "./models/shopee-order-sync"
import { ShopeeProductMap } from "./models/shopee-product-map"
import { ShopeeProfile } from "./models/shopee-profile"
import { ShopeeRawEvent } from "./models/shopee-raw-event"
import { ShopeeReconcileRun } from "./models/shopee-reconcile-run"
import { ShopeeRejectedPushTally } from "./models/shopee-rejected-push-tally"
import { ShopeeStockDirtyMark } from "./models/shopee-stock-dirty-mark"
import { ShopeeStockModeChange } from "./models/shopee-stock-mode-change"
import { ShopeeStockModelState } from "./models/shopee-stock-model-state"
import { ShopeeStockRun } from "./models/shopee-stock-run"
import { ShopeeStockRunRow } from "./models/shopee-stock-run-row"
import { ShopeeStockSetting } from "./models/shopee-stock-setting"
import { ShopeeSyncCursor } from "./models/shopee-sync-cursor"

/**
 * The module's tables with Medusa's generated data access (list, create, update, …). The
 * service extends it; each job's folder is handed it narrowed to the tables that job owns, so
 * that a reader sees who writes what.
 */
export const ShopeeTables = MedusaService({
  ShopeeActiveEnvironment,
  ShopeeProfile,
  ShopeeAuthToken,
  ShopeeRawEvent,
  ConnectorException,
  ShopeeOrderSync,
  ShopeeProductMap,
  ShopeeSyncCursor,
  ShopeeReconcileRun,
  ShopeeOAuthStateUse,
  ShopeeStockSetting,
  ShopeeStockModeChange,
  ShopeeStockRun,
  ShopeeStockRunRow,
  ShopeeStockModelState,
  ShopeeStockDirtyMark,
  ShopeeRejectedPushTally,
})

export type ShopeeTableAccess = InstanceType<typeof ShopeeTables>

/** Rows as the models define them: the one description of each table. */
export type ProfileRow = InferTypeOf<typeof ShopeeProfile>
export type TokenRow = InferTypeOf<typeof ShopeeAuthToken>
export type RawEventRow = InferTypeOf<typeof ShopeeRawEvent>
export type ExceptionRow = InferTypeOf<typeof ConnectorException>

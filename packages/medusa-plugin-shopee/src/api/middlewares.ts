import { defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  CreateProfileBody,
  EnvironmentQuery,
  OptionalEnvironmentQuery,
  PatchProfileBody,
  RotateEncryptionBody,
  SwitchEnvironmentBody,
} from "./admin/shopee/validators"
import { ListEventsQuery, ListExceptionsQuery, ListOrdersQuery } from "./admin/shopee/list-validators"
import { DashboardSummaryQuery } from "./admin/dashboard/validators"
import { DashboardChartsQuery } from "./admin/dashboard/chart-validators"
import {
  ByVariantQuery,
  ImportCatalogueBody,
  ListProductMapQuery,
  MapVariantBody,
  UnlistedVariantsQuery,
} from "./admin/shopee/products/validators"
import { PrintLabelsBody } from "./admin/shopee/orders/label-validators"
import { ShipShopeeOrderBody } from "./admin/shopee/orders/shipment-validators"
import { SetupQuery } from "./admin/shopee/setup/validators"
import { ListStockRunsQuery, StartStockRunBody, StockSettingsBody } from "./admin/shopee/stock/validators"
import { redactOAuthQueryFromAccessLog } from "./connectors/shopee/redact-oauth-query"
import { refuseNulInPathParameters } from "./admin/shopee/no-nul"

/** Admin routes with an id in the path: a NUL in it is a 400 naming the parameter, not a database error. */
const ROUTES_WITH_PATH_IDS = [
  "/admin/shopee/events/:id",
  "/admin/shopee/events/:id/replay",
  "/admin/shopee/exceptions/:id/retry",
  "/admin/shopee/exceptions/:id/resolve",
  "/admin/shopee/profiles/:id",
  "/admin/shopee/profiles/:id/activate",
  "/admin/shopee/orders/by-order/:order_id",
  "/admin/shopee/orders/:id/shipping-parameter",
  "/admin/shopee/orders/:id/ship",
  "/admin/shopee/orders/:id/label",
  "/admin/shopee/orders/:id/label/file",
  "/admin/shopee/products/:id/map",
  "/admin/shopee/products/:id/unmap",
  "/admin/shopee/stock/runs/:id",
  "/admin/shopee/stock/runs/:id/restore",
  "/admin/shopee/reconcile/runs/:id",
]

export default defineMiddlewares({
  routes: [
    ...ROUTES_WITH_PATH_IDS.map((matcher) => ({ matcher, middlewares: [refuseNulInPathParameters] })),
    // The push signature covers the exact bytes Shopee sent: the route reads them itself.
    { matcher: "/connectors/shopee/webhook", methods: ["POST"], bodyParser: false },
    { matcher: "/connectors/shopee/webhook/:env", methods: ["POST"], bodyParser: false },
    // The callback's single-use code and state stay out of the access log.
    { matcher: "/connectors/shopee/oauth/callback", methods: ["GET"], middlewares: [redactOAuthQueryFromAccessLog] },
    { matcher: "/connectors/shopee/oauth/callback/:env", methods: ["GET"], middlewares: [redactOAuthQueryFromAccessLog] },
    {
      matcher: "/admin/shopee/orders/:id/ship",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(ShipShopeeOrderBody)],
    },
    {
      matcher: "/admin/shopee/orders/labels",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(PrintLabelsBody)],
    },
    {
      matcher: "/admin/shopee/connect",
      methods: ["POST"],
      middlewares: [validateAndTransformQuery(EnvironmentQuery, {})],
    },
    {
      matcher: "/admin/shopee/credentials",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(EnvironmentQuery, {})],
    },
    {
      matcher: "/admin/shopee/credentials",
      methods: ["PATCH"],
      middlewares: [validateAndTransformQuery(EnvironmentQuery, {}), validateAndTransformBody(PatchProfileBody)],
    },
    {
      matcher: "/admin/shopee/profiles",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(OptionalEnvironmentQuery, {})],
    },
    {
      matcher: "/admin/shopee/profiles",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(CreateProfileBody)],
    },
    {
      matcher: "/admin/shopee/profiles/:id",
      methods: ["PATCH"],
      middlewares: [validateAndTransformBody(PatchProfileBody)],
    },
    {
      matcher: "/admin/shopee/active-environment",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(SwitchEnvironmentBody)],
    },
    {
      matcher: "/admin/shopee/encryption/rotate",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(RotateEncryptionBody)],
    },
    {
      matcher: "/admin/shopee/orders",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(ListOrdersQuery, {})],
    },
    {
      matcher: "/admin/shopee/exceptions",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(ListExceptionsQuery, {})],
    },
    {
      matcher: "/admin/shopee/events",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(ListEventsQuery, {})],
    },
    {
      matcher: "/admin/shopee/reconcile",
      methods: ["GET", "POST"],
      middlewares: [validateAndTransformQuery(EnvironmentQuery, {})],
    },
    { matcher: "/admin/shopee/products", methods: ["GET"], middlewares: [validateAndTransformQuery(ListProductMapQuery, {})] },
    { matcher: "/admin/shopee/products/unlisted", methods: ["GET"], middlewares: [validateAndTransformQuery(UnlistedVariantsQuery, {})] },
    { matcher: "/admin/shopee/products/by-variant", methods: ["GET"], middlewares: [validateAndTransformQuery(ByVariantQuery, {})] },
    { matcher: "/admin/shopee/products/:id/map", methods: ["POST"], middlewares: [validateAndTransformBody(MapVariantBody)] },
    { matcher: "/admin/shopee/products/import", methods: ["GET"], middlewares: [validateAndTransformQuery(EnvironmentQuery, {})] },
    {
      matcher: "/admin/shopee/products/import",
      methods: ["POST"],
      middlewares: [validateAndTransformQuery(EnvironmentQuery, {}), validateAndTransformBody(ImportCatalogueBody)],
    },
    { matcher: "/admin/shopee/stock", methods: ["GET"], middlewares: [validateAndTransformQuery(EnvironmentQuery, {})] },
    {
      matcher: "/admin/shopee/stock/settings",
      methods: ["POST"],
      middlewares: [validateAndTransformQuery(EnvironmentQuery, {}), validateAndTransformBody(StockSettingsBody)],
    },
    { matcher: "/admin/shopee/stock/runs", methods: ["GET"], middlewares: [validateAndTransformQuery(ListStockRunsQuery, {})] },
    {
      matcher: "/admin/shopee/stock/runs",
      methods: ["POST"],
      middlewares: [validateAndTransformQuery(EnvironmentQuery, {}), validateAndTransformBody(StartStockRunBody)],
    },
    { matcher: "/admin/shopee/setup", methods: ["GET"], middlewares: [validateAndTransformQuery(SetupQuery, {})] },
    { matcher: "/admin/shopee/setup/test-push", methods: ["POST"], middlewares: [validateAndTransformQuery(SetupQuery, {})] },
    {
      matcher: "/admin/dashboard/summary",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(DashboardSummaryQuery, {})],
    },
    {
      matcher: "/admin/dashboard/charts",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(DashboardChartsQuery, {})],
    },
  ],
})

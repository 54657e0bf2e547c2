import type { ApiRoute } from "./api-route.js"
import { logisticsRoutes } from "./logistics/logistics-routes.js"
import { shippingDocumentRoutes } from "./logistics/shipping-document-routes.js"
import { authRoutes } from "./routes/auth.js"
import { merchantRoutes } from "./routes/merchant.js"
import { orderRoutes } from "./routes/order.js"
import { productRoutes } from "./routes/product.js"
import { pushRoutes } from "./routes/push.js"
import { pushTestRoutes } from "./routes/push-test.js"
import { shopRoutes } from "./routes/shop.js"

/** Every Open Platform path the sandbox serves, by path. */
export const API_ROUTES: ReadonlyMap<string, ApiRoute> = new Map(
  [
    ...authRoutes,
    ...shopRoutes,
    ...merchantRoutes,
    ...orderRoutes,
    ...productRoutes,
    ...logisticsRoutes,
    ...shippingDocumentRoutes,
    ...pushRoutes,
    ...pushTestRoutes,
  ].map((r) => [r.path, r])
)

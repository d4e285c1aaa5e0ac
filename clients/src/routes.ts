import type { AuthRoutes } from '../../services/auth/src/app'
import type { CatalogRoutes } from '../../services/catalog/src/app'
import type { InventoryRoutes } from '../../services/inventory/src/app'
import type { OrderRoutes } from '../../services/order/src/app'
import type { PaymentRoutes } from '../../services/payment/src/app'
import type { UserRoutes } from '../../services/user/src/app'

/** Every public route of the platform, as the gateway serves them under one base URL (platform/gateway/routes.json). */
export type ApiRoutes = AuthRoutes & UserRoutes & CatalogRoutes & InventoryRoutes & OrderRoutes & PaymentRoutes

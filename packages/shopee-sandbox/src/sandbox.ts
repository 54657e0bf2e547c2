import { Accounts } from "./accounts.js"
import { AuthRequests } from "./auth-requests.js"
import { Authorizations } from "./authorizations.js"
import { Catalogue } from "./catalogue.js"
import { SandboxClock } from "./clock.js"
import { Faults } from "./faults.js"
import { Logistics } from "./logistics/logistics.js"
import { ShippingDocuments } from "./logistics/shipping-documents.js"
import type { Order, SandboxState } from "./model.js"
import { Orders, type OrderEvent } from "./orders.js"
import { Promotions } from "./promotions.js"
import { PushDispatcher, type PushDispatcherOptions } from "./push-dispatcher.js"
import { orderStatusPush, shippingDocumentPush, trackingNumberPush, type PushPayload } from "./push-messages.js"
import { RequestLog } from "./request-log.js"
import { defaultSettings, type SandboxSettings } from "./settings.js"
import { StockFailures } from "./stock-failures.js"
import { TokenStore } from "./token-store.js"

/** The simulated Shopee: state plus the services that act on it, shared by all HTTP surfaces. */
export class Sandbox {
  readonly accounts: Accounts
  readonly authorizations: Authorizations
  readonly authRequests: AuthRequests
  readonly tokens: TokenStore
  readonly catalogue: Catalogue
  readonly orders: Orders
  readonly promotions: Promotions
  readonly logistics: Logistics
  readonly shippingDocuments: ShippingDocuments
  readonly pushes: PushDispatcher
  readonly faults = new Faults()
  readonly stockFailures = new StockFailures()
  readonly requestLog = new RequestLog()
  settings: SandboxSettings

  constructor(
    readonly state: SandboxState,
    readonly clock: SandboxClock,
    pushOptions: PushDispatcherOptions,
    /** Called after every change of `state`, e.g. to save it to a file. */
    readonly changed: () => void,
    /** The settings a reset returns to. */
    private readonly initialSettings: Partial<SandboxSettings> = {}
  ) {
    this.settings = defaultSettings(initialSettings)
    this.accounts = new Accounts(state)
    this.authorizations = new Authorizations(state, clock)
    this.authRequests = new AuthRequests(clock)
    this.tokens = new TokenStore(state, clock, this.authorizations)
    this.catalogue = new Catalogue(state, clock)
    this.pushes = new PushDispatcher(state, clock, this.accounts, this.faults, pushOptions, changed)
    this.promotions = new Promotions(state, clock, this.catalogue, (shopId, payload) => this.pushToShopPartners(shopId, payload))
    this.orders = new Orders(
      state,
      clock,
      this.accounts,
      this.catalogue,
      this.promotions,
      (order, event) => this.onOrderEvent(order, event),
      (orderSn) => this.pushes.hold({ order_sn: orderSn })
    )
    this.logistics = new Logistics(clock, this.orders, changed)
    this.shippingDocuments = new ShippingDocuments(
      clock,
      this.logistics,
      (order, status) => this.pushToShopPartners(order.shop_id, shippingDocumentPush(order, status)),
      changed
    )
  }

  /** Back to the starting settings and no injected stock failures (part of a reset). */
  resetBehaviour(): void {
    this.settings = defaultSettings(this.initialSettings)
    this.stockFailures.clear()
    this.logistics.reset()
    this.shippingDocuments.reset()
  }

  /** Sends a shop-level push to every partner the shop has authorized. */
  pushToShopPartners(shopId: number, payload: PushPayload): void {
    for (const partnerId of this.authorizations.partnersOfShop(shopId)) this.pushes.send(partnerId, payload)
  }

  /** Replaces the whole state in place (services keep their reference to it). */
  replaceState(next: SandboxState): void {
    this.pushes.cancelPending()
    Object.assign(this.state, next)
    this.changed()
  }

  private onOrderEvent(order: Order, event: OrderEvent): void {
    this.pushToShopPartners(order.shop_id, event === "status" ? orderStatusPush(order) : trackingNumberPush(order))
  }
}

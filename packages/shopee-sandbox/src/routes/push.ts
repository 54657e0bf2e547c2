import { requiredInt } from "../api-params.js"
import type { ApiRoute } from "../api-route.js"

const LOST_PAGE_SIZE = 100

const LIVE_PUSH_STATUS = { active: "Normal", warning: "Warning", suspended: "Suspended" } as const

/** The push subscription and the recovery of pushes that never got a 2xx (partner-level, public calls). */
export const pushRoutes: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v2/push/get_app_push_config",
    call: "public",
    handle({ sandbox, caller }) {
      const subscription = sandbox.pushes.subscription(caller.partner.partner_id)!
      return {
        response: {
          callback_url: caller.partner.callback_url ?? "",
          live_push_status: LIVE_PUSH_STATUS[subscription.status],
          ...(subscription.suspended_at_ms !== null ? { suspended_time: Math.floor(subscription.suspended_at_ms / 1000) } : {}),
          blocked_shop_id_list: [],
          push_config_on_list: [],
          push_config_off_list: [],
        },
      }
    },
  },
  {
    method: "GET",
    path: "/api/v2/push/get_lost_push_message",
    call: "public",
    handle({ sandbox, caller }) {
      const lost = sandbox.pushes.lost(caller.partner.partner_id)
      const page = lost.slice(0, LOST_PAGE_SIZE)
      return {
        response: {
          push_message_list: page.map((m) => ({
            ...(m.shop_id !== null ? { shop_id: m.shop_id } : {}),
            code: m.code,
            timestamp: Math.floor((m.lost_at_ms ?? m.created_at_ms) / 1000),
            data: m.body,
          })),
          has_next_page: lost.length > LOST_PAGE_SIZE,
          last_message_id: page.length > 0 ? page[page.length - 1].message_id : 0,
        },
      }
    },
  },
  {
    method: "POST",
    path: "/api/v2/push/confirm_consumed_lost_push_message",
    call: "public",
    handle({ sandbox, caller, params }) {
      sandbox.pushes.confirmConsumed(caller.partner.partner_id, requiredInt(params, "last_message_id"))
      return {}
    },
  },
]

import type { AuthRequest } from "../auth-requests.js"
import { escapeHtml } from "../http-io.js"
import type { Merchant, Partner, Shop } from "../model.js"
import { pageLayout } from "./page-layout.js"

/** The seller's side of `shop/auth_partner`: pick a shop (or a main account) and approve. */
export function renderAuthPage(request: AuthRequest, partner: Partner, shops: Shop[], merchants: Merchant[]): string {
  const shopChoices = shops
    .map(
      (s, i) =>
        `<label><input type="radio" name="subject" value="shop:${s.shop_id}"${i === 0 ? " checked" : ""}> ${escapeHtml(s.shop_name)} (shop_id ${s.shop_id}, ${escapeHtml(s.region)})</label><br>`
    )
    .join("\n")
  const mainAccounts = [...new Set(merchants.map((m) => m.main_account_id))]
  const accountChoices = mainAccounts
    .map((id) => `<label><input type="radio" name="subject" value="main_account:${id}"> Main account ${id}</label><br>`)
    .join("\n")
  return pageLayout(
    "Shopee sandbox: authorize partner",
    `<h1>Authorize ${escapeHtml(partner.name)}</h1>
<p>Partner <b>${partner.partner_id}</b> asks to access your shop. After approval you return to
<code>${escapeHtml(request.redirect)}</code>.</p>
<form method="post" action="/console/authorize">
<input type="hidden" name="request_id" value="${escapeHtml(request.id)}">
<fieldset><legend>Shops</legend>
${shopChoices || '<p class="muted">No shops exist yet.</p>'}
${accountChoices}
</fieldset>
<button type="submit">Confirm authorization</button>
</form>`
  )
}

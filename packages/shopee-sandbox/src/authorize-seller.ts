import type { AuthCode } from "./model.js"
import { authorizationPush } from "./push-messages.js"
import type { Sandbox } from "./sandbox.js"

export type SellerSubject = { shop_id: number } | { main_account_id: number }

export class UnknownSubjectError extends Error {}

/**
 * What happens when a seller approves a partner: the shop (or every merchant and shop of a
 * main account) authorizes the partner, a single-use code is issued, and push code 1 goes out.
 */
export function authorizeSeller(sandbox: Sandbox, partnerId: number, subject: SellerSubject): AuthCode {
  let shopIds: number[]
  let merchantIds: number[]
  if ("shop_id" in subject) {
    if (!sandbox.accounts.shop(subject.shop_id)) throw new UnknownSubjectError(`shop ${subject.shop_id} does not exist`)
    shopIds = [subject.shop_id]
    merchantIds = []
  } else {
    const scope = sandbox.accounts.mainAccountScope(subject.main_account_id)
    if (scope.merchant_ids.length === 0) throw new UnknownSubjectError(`main account ${subject.main_account_id} has no merchants`)
    shopIds = scope.shop_ids
    merchantIds = scope.merchant_ids
  }
  for (const shopId of shopIds) sandbox.authorizations.grant(partnerId, { shop_id: shopId })
  for (const merchantId of merchantIds) sandbox.authorizations.grant(partnerId, { merchant_id: merchantId })
  const code = sandbox.tokens.issueCode({ partner_id: partnerId, shop_ids: shopIds, merchant_ids: merchantIds }, subject)
  sandbox.pushes.send(
    partnerId,
    authorizationPush(
      1,
      "shop_id" in subject ? subject : { main_account_id: subject.main_account_id, merchant_id_list: merchantIds, shop_id_list: shopIds }
    )
  )
  sandbox.changed()
  return code
}

/** Where the seller's browser goes after approving: the partner's redirect plus code and shop_id. */
export function redirectWithCode(redirect: string, code: AuthCode): string {
  const url = new URL(redirect)
  url.searchParams.set("code", code.code)
  if (code.shop_id !== null) url.searchParams.set("shop_id", String(code.shop_id))
  if (code.main_account_id !== null) url.searchParams.set("main_account_id", String(code.main_account_id))
  return url.toString()
}

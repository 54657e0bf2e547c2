import { Container, Heading, StatusBadge, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { StockStateAnswer } from "../../lib/stock-api"
import { useLocaleFormat } from "../../lib/use-locale-format"
import { useTranslation } from "react-i18next"

const ACTION_COLORS = { write: "blue", none: "grey", skip: "orange", hold: "orange" } as const
const value = (number: number | null) => (number === null ? "—" : String(number))

type VariantName = { id: string; sku: string | null; title: string | null; product?: { title: string } | null }

/**
 * The product, variant and SKU of each row, as the merchant knows them: a row names only
 * Shopee's item and model ids and Medusa's variant id.
 */
function useVariantNames(variantIds: string[]): Map<string, VariantName> {
  const ids = [...new Set(variantIds)].sort()
  const answer = useQuery({
    queryKey: ["shopee", "stock", "plan-variants", ids],
    queryFn: () =>
      sdk.client.fetch<{ variants: VariantName[] }>("/admin/product-variants", {
        query: { id: ids, fields: "id,sku,title,product.title", limit: ids.length },
      }),
    enabled: ids.length > 0,
    staleTime: 60_000,
  })
  return new Map((answer.data?.variants ?? []).map((variant) => [variant.id, variant]))
}

/** The latest plan of every mapped model: Shopee now, the target, what the writer does and why, and what happened. */
export const StockPlanTable = ({ plan }: { plan: StockStateAnswer["latest_plan"] }) => {
  const { t } = useTranslation()
  const format = useLocaleFormat()
  const names = useVariantNames(plan?.rows.map((row) => row.variant_id) ?? [])
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("shopee.stock.latestPlan")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {plan
            ? `${t("shopee.stock.planOf", {
                run: t(plan.run.trigger === "dry_run" ? "shopee.stock.trigger.dry_run" : "shopee.stock.trigger.full"),
                date: format.date(plan.run.created_at),
                status: t(`shopee.stock.runStatus.${plan.run.status}`, { defaultValue: plan.run.status }),
              })}${plan.run.reason ? `, ${plan.run.reason}` : ""}`
            : t("shopee.stock.noPlan")}
        </Text>
      </div>
      {plan && plan.rows.length > 0 && (
        <Table data-testid="stock-plan-table">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("shopee.stock.plan.product")}</Table.HeaderCell>
              <Table.HeaderCell>{t("shopee.stock.plan.shopeeNow")}</Table.HeaderCell>
              <Table.HeaderCell>{t("shopee.stock.plan.target")}</Table.HeaderCell>
              <Table.HeaderCell>{t("shopee.stock.plan.action")}</Table.HeaderCell>
              <Table.HeaderCell>{t("shopee.stock.plan.result")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {plan.rows.map((row) => (
              <Table.Row key={row.id} className="[&_td]:align-top">
                <Table.Cell className="max-w-[320px] whitespace-normal py-2">
                  <Text size="small">{productLabel(names.get(row.variant_id))}</Text>
                  <Text size="xsmall" className="font-mono text-ui-fg-subtle">
                    {names.get(row.variant_id)?.sku ?? t("shopee.stock.plan.noSku")} ·{" "}
                    {t("shopee.stock.plan.shopeeItem", { id: row.item_id })}
                    {row.model_id !== "0" ? ` ${t("shopee.productWidget.model", { id: row.model_id })}` : ""}
                  </Text>
                </Table.Cell>
                <Table.Cell>{value(row.shopee_before)}</Table.Cell>
                <Table.Cell>{value(row.target)}</Table.Cell>
                <Table.Cell className="max-w-[320px] whitespace-normal py-2">
                  <StatusBadge color={ACTION_COLORS[row.action]}>{t(`shopee.stock.plan.actions.${row.action}`)}</StatusBadge>
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {row.reason}
                  </Text>
                </Table.Cell>
                <Table.Cell className="max-w-[280px] whitespace-normal py-2">
                  {row.result ? `${row.result}${row.sent !== null ? ` (${row.sent})` : ""}` : "—"}
                  {(row.failure_reason || row.guard_reason) && (
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {row.failure_reason ?? row.guard_reason}
                    </Text>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

function productLabel(variant: VariantName | undefined): string {
  if (!variant) return "…"
  const product = variant.product?.title
  return product && variant.title && variant.title !== product ? `${product} · ${variant.title}` : (product ?? variant.title ?? variant.id)
}

import { Button, Drawer, StatusBadge, Table, Text } from "@medusajs/ui"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { ARRANGE_OUTCOME_COLORS, arrangeOutcome, arrangeOutcomeLabelKey, type ArrangeOutcome } from "../../lib/arrange-outcome"
import { fulfilmentApi } from "../../lib/fulfilment-api"
import { shopeeKeys } from "../../lib/query-keys"
import { runBounded } from "../../lib/run-bounded"
import { errorMessage } from "../../lib/sdk"
import { branchLabel, needsBranch } from "../../lib/shipping-choices"
import { ChoiceSelect } from "./choice-select"
import { useTranslation } from "react-i18next"

type BulkMode = "pickup" | "dropoff"

/** How many arrangements run at once: Shopee is asked per order, and the server takes each order's lock. */
const CONCURRENCY = 3

type Order = { id: string; order_sn: string }

/**
 * Arranges the shipment of the selected orders in the browser, a few at a time, through the ship
 * route each order's widget uses: a count and a bar show how far it is, and each order's outcome
 * (arranged, already arranged, retry later, refused or failed, with the reason) is listed as it comes.
 */
export const BulkArrangeDrawer = ({
  orders,
  open,
  onOpenChange,
}: {
  orders: Order[]
  open: boolean
  onOpenChange: (open: boolean) => void
}) => {
  const { t } = useTranslation()
  const [mode, setMode] = useState<BulkMode>("pickup")
  const [branchId, setBranchId] = useState<number | undefined>(undefined)
  const [outcomes, setOutcomes] = useState<Map<string, ArrangeOutcome> | null>(null)
  const [running, setRunning] = useState(false)
  const queryClient = useQueryClient()

  const start = async () => {
    setRunning(true)
    setOutcomes(new Map())
    await runBounded(
      orders,
      CONCURRENCY,
      (order) =>
        fulfilmentApi.ship(order.id, mode === "dropoff" && branchId !== undefined ? { mode, branch_id: branchId } : { mode }).then(
          (answer) => arrangeOutcome({ answer }),
          (error: unknown) => arrangeOutcome({ error })
        ),
      (order, outcome) => setOutcomes((done) => new Map(done).set(order.id, outcome))
    )
    setRunning(false)
    await queryClient.invalidateQueries({ queryKey: shopeeKeys.all })
  }

  const close = () => {
    if (running) return
    setOutcomes(null)
    setBranchId(undefined)
    onOpenChange(false)
  }
  const done = outcomes?.size ?? 0
  const total = orders.length
  return (
    <Drawer open={open} onOpenChange={(next) => (next ? onOpenChange(true) : close())}>
      <Drawer.Content data-testid="bulk-arrange">
        <Drawer.Header>
          <Drawer.Title>{t("shopee.fulfilment.bulkArrange.title")}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <Text size="small" className="text-ui-fg-subtle">
            {t("shopee.fulfilment.bulkArrange.intro", { count: total })}
          </Text>
          {outcomes === null ? (
            <>
              <ChoiceSelect
                label={t("shopee.fulfilment.bulkArrange.mode")}
                value={mode}
                choices={[
                  { value: "pickup", label: t("shopee.fulfilment.bulkArrange.pickup") },
                  { value: "dropoff", label: t("shopee.fulfilment.bulkArrange.dropoff") },
                ]}
                onChange={(next) => setMode(next as BulkMode)}
              />
              {mode === "dropoff" && orders[0] && <BranchChoice order={orders[0]} value={branchId} onChange={setBranchId} />}
            </>
          ) : (
            <>
              <div className="flex flex-col gap-y-1">
                <Text size="small" weight="plus" data-testid="bulk-progress-count">
                  {done} / {total}
                </Text>
                <div
                  role="progressbar"
                  aria-label={t("shopee.fulfilment.bulkArrange.progress")}
                  aria-valuemin={0}
                  aria-valuemax={total}
                  aria-valuenow={done}
                  className="bg-ui-bg-subtle h-2 w-full overflow-hidden rounded-full"
                >
                  <div
                    className="bg-ui-fg-interactive h-full transition-[width]"
                    style={{ width: `${total ? (done / total) * 100 : 0}%` }}
                  />
                </div>
              </div>
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>{t("shopee.common.orderSn")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("shopee.fulfilment.bulkArrange.outcome")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("shopee.fulfilment.bulkArrange.reason")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {orders
                    .filter((order) => outcomes.has(order.id))
                    .map((order) => {
                      const outcome = outcomes.get(order.id)!
                      return (
                        <Table.Row key={order.id} data-testid={`bulk-outcome-${order.order_sn}`}>
                          <Table.Cell className="font-mono">{order.order_sn}</Table.Cell>
                          <Table.Cell>
                            <StatusBadge color={ARRANGE_OUTCOME_COLORS[outcome.kind]}>
                              {t(arrangeOutcomeLabelKey(outcome.kind))}
                            </StatusBadge>
                          </Table.Cell>
                          <Table.Cell className="whitespace-normal break-words">
                            {outcome.reason ?? (outcome.kind === "failed" ? t("shopee.fulfilment.bulkArrange.requestFailed") : "—")}
                          </Table.Cell>
                        </Table.Row>
                      )
                    })}
                </Table.Body>
              </Table>
            </>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Button type="button" size="small" variant="secondary" disabled={running} onClick={close}>
            {t("shopee.common.close")}
          </Button>
          {outcomes === null && (
            <Button type="button" size="small" onClick={() => void start()}>
              {t("shopee.fulfilment.bulkArrange.start")} ({total})
            </Button>
          )}
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

/**
 * Drop-off needs a branch where Shopee says so: the branches Shopee offers for the first selected
 * order are offered once, and the first preselected. An order whose channel does not take the
 * branch is refused by the server, and reported.
 */
const BranchChoice = ({
  order,
  value,
  onChange,
}: {
  order: Order
  value: number | undefined
  onChange: (branchId: number | undefined) => void
}) => {
  const { t } = useTranslation()
  const parameter = useQuery({
    queryKey: shopeeKeys.shippingParameter(order.id),
    queryFn: () => fulfilmentApi.shippingParameter(order.id),
    retry: false,
  })
  const offered =
    parameter.data && needsBranch(parameter.data.shipping_parameter) ? (parameter.data.shipping_parameter.dropoff?.branch_list ?? []) : []
  const firstBranch = offered[0]?.branch_id
  useEffect(() => {
    if (value === undefined && firstBranch !== undefined) onChange(firstBranch)
  }, [value, firstBranch, onChange])

  if (parameter.isPending) {
    return (
      <Text size="small" className="text-ui-fg-subtle" role="status">
        {t("shopee.fulfilment.bulkArrange.branchesLoading")}
      </Text>
    )
  }
  if (parameter.isError) {
    return (
      <Text size="small" className="text-ui-fg-error">
        {t("shopee.fulfilment.bulkArrange.branchesFailed")}: {errorMessage(parameter.error)}
      </Text>
    )
  }
  if (offered.length === 0) return null
  return (
    <div className="flex flex-col gap-y-1">
      <ChoiceSelect
        label={t("shopee.fulfilment.bulkArrange.branch")}
        value={value === undefined ? undefined : String(value)}
        choices={offered.map((branch) => ({ value: String(branch.branch_id), label: branchLabel(branch) }))}
        onChange={(next) => onChange(Number(next))}
      />
      <Text size="xsmall" className="text-ui-fg-subtle">
        {t("shopee.fulfilment.bulkArrange.branchesOf", { orderSn: order.order_sn })}
      </Text>
    </div>
  )
}

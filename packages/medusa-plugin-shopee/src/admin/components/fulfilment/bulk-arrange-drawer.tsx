import { Button, Drawer, StatusBadge, Table, Text } from "@medusajs/ui"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { ARRANGE_OUTCOME_COLORS, ARRANGE_OUTCOME_LABELS, arrangeOutcome, type ArrangeOutcome } from "../../lib/arrange-outcome"
import { fulfilmentApi } from "../../lib/fulfilment-api"
import { shopeeKeys } from "../../lib/query-keys"
import { runBounded } from "../../lib/run-bounded"
import { errorMessage } from "../../lib/sdk"
import { branchLabel, needsBranch } from "../../lib/shipping-choices"
import { ChoiceSelect } from "./choice-select"

const TEXTS = {
  title: "Arrange shipment",
  intro: (count: number) =>
    `Arranges the shipment of ${count} selected order${count === 1 ? "" : "s"} on Shopee, one mode for all. An order whose channel does not take that choice (or needs a tracking number of its own) is reported: arrange it from the order's page.`,
  mode: "Mode",
  pickup: "Pickup (each order's default address and recommended time)",
  dropoff: "Drop-off",
  branch: "Drop-off branch",
  branchesOf: (orderSn: string) => `The branches Shopee offers for ${orderSn}, used for every order.`,
  branchesLoading: "Asking Shopee for its drop-off branches…",
  branchesFailed: "Shopee's drop-off branches could not be read",
  start: "Arrange",
  close: "Close",
  progress: "Progress",
  order: "Order SN",
  outcome: "Outcome",
  reason: "Reason",
}

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
          <Drawer.Title>{TEXTS.title}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <Text size="small" className="text-ui-fg-subtle">
            {TEXTS.intro(total)}
          </Text>
          {outcomes === null ? (
            <>
              <ChoiceSelect
                label={TEXTS.mode}
                value={mode}
                choices={[
                  { value: "pickup", label: TEXTS.pickup },
                  { value: "dropoff", label: TEXTS.dropoff },
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
                  aria-label={TEXTS.progress}
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
                    <Table.HeaderCell>{TEXTS.order}</Table.HeaderCell>
                    <Table.HeaderCell>{TEXTS.outcome}</Table.HeaderCell>
                    <Table.HeaderCell>{TEXTS.reason}</Table.HeaderCell>
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
                            <StatusBadge color={ARRANGE_OUTCOME_COLORS[outcome.kind]}>{ARRANGE_OUTCOME_LABELS[outcome.kind]}</StatusBadge>
                          </Table.Cell>
                          <Table.Cell className="whitespace-normal break-words">{outcome.reason ?? "—"}</Table.Cell>
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
            {TEXTS.close}
          </Button>
          {outcomes === null && (
            <Button type="button" size="small" onClick={() => void start()}>
              {TEXTS.start} ({total})
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
        {TEXTS.branchesLoading}
      </Text>
    )
  }
  if (parameter.isError) {
    return (
      <Text size="small" className="text-ui-fg-error">
        {TEXTS.branchesFailed}: {errorMessage(parameter.error)}
      </Text>
    )
  }
  if (offered.length === 0) return null
  return (
    <div className="flex flex-col gap-y-1">
      <ChoiceSelect
        label={TEXTS.branch}
        value={value === undefined ? undefined : String(value)}
        choices={offered.map((branch) => ({ value: String(branch.branch_id), label: branchLabel(branch) }))}
        onChange={(next) => onChange(Number(next))}
      />
      <Text size="xsmall" className="text-ui-fg-subtle">
        {TEXTS.branchesOf(order.order_sn)}
      </Text>
    </div>
  )
}

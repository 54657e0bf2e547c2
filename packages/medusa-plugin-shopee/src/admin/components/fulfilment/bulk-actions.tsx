import { Button, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { fulfilmentApi } from "../../lib/fulfilment-api"
import { errorMessage } from "../../lib/sdk"
import { BulkArrangeDrawer } from "./bulk-arrange-drawer"
import { useTranslation } from "react-i18next"

/**
 * What the Shopee orders list does with the ticked orders: arrange their shipment (the drawer
 * reports each outcome) or print their labels in one PDF, opened in a new tab.
 */
export const BulkActions = ({ orders, onClear }: { orders: { id: string; order_sn: string }[]; onClear: () => void }) => {
  const { t } = useTranslation()
  const [arranging, setArranging] = useState(false)
  const [printing, setPrinting] = useState(false)
  if (orders.length === 0 && !arranging) return null

  const printLabels = async () => {
    // The tab is opened on the click itself, so that a popup blocker lets it through, and filled once the PDF is there.
    const tab = window.open("", "_blank")
    setPrinting(true)
    try {
      const pdf = await fulfilmentApi.labelsFile(orders.map((order) => order.id))
      const url = URL.createObjectURL(pdf)
      if (tab) tab.location.href = url
      else window.open(url, "_blank")
    } catch (error) {
      tab?.close()
      toast.error(t("shopee.fulfilment.bulk.printFailed"), { description: errorMessage(error) })
    } finally {
      setPrinting(false)
    }
  }

  return (
    <div className="bg-ui-bg-subtle flex flex-wrap items-center gap-3 px-6 py-3" data-testid="bulk-actions">
      <Text size="small" weight="plus" data-testid="bulk-selected-count">
        {t("shopee.fulfilment.bulk.selected", { count: orders.length })}
      </Text>
      <Button size="small" variant="secondary" onClick={() => setArranging(true)}>
        {t("shopee.fulfilment.bulk.arrange")}
      </Button>
      <Button size="small" variant="secondary" isLoading={printing} onClick={() => void printLabels()}>
        {t("shopee.fulfilment.bulk.print")}
      </Button>
      <Button size="small" variant="transparent" onClick={onClear}>
        {t("shopee.fulfilment.bulk.clear")}
      </Button>
      <BulkArrangeDrawer orders={orders} open={arranging} onOpenChange={setArranging} />
    </div>
  )
}

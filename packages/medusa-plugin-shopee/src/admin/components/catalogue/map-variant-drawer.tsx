import { Button, Drawer, Input, Label, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { catalogueApi, catalogueKeys, type ShopeeListing } from "../../lib/catalogue-api"
import { shopeeKeys } from "../../lib/query-keys"
import { errorMessage } from "../../lib/sdk"
import { useTranslation } from "react-i18next"

/** Picks the Medusa variant a Shopee listing sells, searched by SKU or title through Medusa's own variant search. */
export const MapVariantDrawer = ({ listing, onClose }: { listing: ShopeeListing | null; onClose: () => void }) => {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [text, setText] = useState("")
  const [q, setQ] = useState("")
  // Another listing starts its search from its own SKU (state adjusted during render, as React advises).
  const [shownListing, setShownListing] = useState<ShopeeListing | null>(null)
  if (listing !== shownListing) {
    setShownListing(listing)
    setText(listing?.sku ?? "")
    setQ(listing?.sku ?? "")
  }
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 300)
    return () => clearTimeout(timer)
  }, [text])
  const variants = useQuery({ queryKey: catalogueKeys.variantSearch(q), queryFn: () => catalogueApi.searchVariants(q), enabled: !!listing })
  const map = useMutation({
    mutationFn: (variantId: string) => catalogueApi.map(listing!.id, variantId),
    onSuccess: (answer) => {
      toast.success(t("shopee.catalogue.mapped"), {
        description: `${answer.product.item_name ?? answer.product.item_id} → ${answer.product.variant?.sku ?? answer.product.variant_id}`,
      })
      onClose()
    },
    onError: (error) => toast.error(t("shopee.catalogue.mapError"), { description: errorMessage(error) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: shopeeKeys.all }),
  })

  return (
    <Drawer open={!!listing} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content data-testid="map-variant-drawer">
        <Drawer.Header>
          <Drawer.Title>{t("shopee.catalogue.mapTitle")}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-3">
          {listing && (
            <Text size="small" className="text-ui-fg-subtle">
              {listing.item_name}
              {listing.model_name ? ` — ${listing.model_name}` : ""} ({t("shopee.productWidget.item", { id: listing.item_id })}
              {listing.model_id !== "0" ? `, ${t("shopee.productWidget.model", { id: listing.model_id })}` : ""},{" "}
              {t("shopee.catalogue.skuOf", { sku: listing.sku ?? t("shopee.catalogue.none") })})
            </Text>
          )}
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="variant-search" size="xsmall" weight="plus">
              {t("shopee.catalogue.find")}
            </Label>
            <Input id="variant-search" size="small" type="search" value={text} onChange={(event) => setText(event.target.value)} />
          </div>
          {variants.isError ? (
            <Text size="small" className="text-ui-fg-error">
              {errorMessage(variants.error)}
            </Text>
          ) : (variants.data?.variants ?? []).length === 0 ? (
            <Text size="small" className="text-ui-fg-muted">
              {variants.isPending ? t("shopee.catalogue.searching") : t("shopee.catalogue.noMatch")}
            </Text>
          ) : (
            <ul className="divide-y" data-testid="variant-options">
              {variants.data!.variants.map((variant) => (
                <li key={variant.id} className="flex items-center justify-between gap-x-2 py-2">
                  <div>
                    <Text size="small" weight="plus">
                      {variant.sku ?? t("shopee.catalogue.noSku")}
                    </Text>
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {variant.product?.title} — {variant.title}
                    </Text>
                  </div>
                  <Button
                    size="small"
                    variant="secondary"
                    isLoading={map.isPending && map.variables === variant.id}
                    onClick={() => map.mutate(variant.id)}
                  >
                    {t("shopee.products.map")}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}

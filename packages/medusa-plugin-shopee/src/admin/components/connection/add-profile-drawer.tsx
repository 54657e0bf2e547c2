import { Button, Drawer, Input, Label, Text, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { shopeeApi } from "../../lib/api"
import { shopeeKeys } from "../../lib/query-keys"
import { errorMessage } from "../../lib/sdk"
import { environmentLabelKey, type ShopeeEnvironment, type ShopeeProfile } from "../../lib/types"
import { useTranslation } from "react-i18next"

/**
 * A new profile starts with a name only and stays inactive; its fields are then filled in the
 * profile form, which opens on it, so credentials are typed in one place only.
 */
export const AddProfileDrawer = ({
  environment,
  onCreated,
}: {
  environment: ShopeeEnvironment
  onCreated: (profile: ShopeeProfile) => void
}) => {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [name, setName] = useState("")
  const queryClient = useQueryClient()
  const label = t(environmentLabelKey(environment))
  const inputId = `shopee-${environment}-new-profile-name`

  const create = useMutation({
    mutationFn: () => shopeeApi.createProfile(environment, name.trim()),
    onSuccess: async ({ profile }) => {
      toast.success(t("shopee.profiles.added"), { description: t("shopee.profiles.envProfile", { env: label, name: profile.name }) })
      await queryClient.invalidateQueries({ queryKey: shopeeKeys.all })
      onCreated(profile)
      setOpen(false)
      setName("")
    },
    onError: (error) => toast.error(t("shopee.profiles.addError"), { description: errorMessage(error) }),
  })

  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary">
          {t("shopee.profiles.add")}
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <form
          className="flex h-full flex-col"
          onSubmit={(event) => {
            event.preventDefault()
            if (name.trim()) create.mutate()
          }}
        >
          <Drawer.Header>
            <Drawer.Title>{t("shopee.profiles.addTitle", { env: label })}</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4">
            <Text size="small" className="text-ui-fg-subtle">
              {t("shopee.profiles.addDescription", { env: label })}
            </Text>
            <div className="flex flex-col gap-y-2">
              <Label htmlFor={inputId} size="small" weight="plus">
                {t("shopee.profiles.name")}
              </Label>
              <Input
                id={inputId}
                value={name}
                placeholder={t("shopee.profiles.namePlaceholder")}
                onChange={(event) => setName(event.target.value)}
              />
            </div>
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button type="button" size="small" variant="secondary">
                {t("shopee.common.cancel")}
              </Button>
            </Drawer.Close>
            <Button type="submit" size="small" disabled={!name.trim()} isLoading={create.isPending}>
              {t("shopee.profiles.add")}
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}

import { Badge, Container, Heading, StatusBadge, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { shopeeApi } from "../../lib/api"
import { shopeeKeys } from "../../lib/query-keys"
import { errorMessage } from "../../lib/sdk"
import { environmentLabelKey, type ShopeeEnvironment, type ShopeeProfile } from "../../lib/types"
import { isPendingFor, RowActions, type RowAction } from "../row-actions"
import { AddProfileDrawer } from "./add-profile-drawer"
import { useTranslation } from "react-i18next"

/** The environment's profiles: which one is active, and the actions on each. */
export const ProfilesSection = ({
  environment,
  profiles,
  selectedId,
  onSelect,
}: {
  environment: ShopeeEnvironment
  profiles: ShopeeProfile[]
  selectedId: string | undefined
  onSelect: (id: string) => void
}) => {
  const { t } = useTranslation()
  const label = t(environmentLabelKey(environment))
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const refresh = () => queryClient.invalidateQueries({ queryKey: shopeeKeys.all })

  const activate = useMutation({
    mutationFn: (profile: ShopeeProfile) => shopeeApi.activateProfile(profile.id),
    onSuccess: (_, profile) => toast.success(t("shopee.profiles.activated", { env: label, name: profile.name })),
    onError: (error) => toast.error(t("shopee.profiles.activateError"), { description: errorMessage(error) }),
    onSettled: refresh,
  })
  const remove = useMutation({
    mutationFn: (profile: ShopeeProfile) => shopeeApi.deleteProfile(profile.id),
    onSuccess: (_, profile) => toast.success(t("shopee.profiles.deleted", { name: profile.name })),
    onError: (error) => toast.error(t("shopee.profiles.deleteError"), { description: errorMessage(error) }),
    onSettled: refresh,
  })

  const confirmDelete = async (profile: ShopeeProfile) => {
    const confirmed = await prompt({
      title: t("shopee.profiles.deleteTitle", { name: profile.name }),
      description: t("shopee.profiles.deleteDescription"),
      confirmText: t("shopee.profiles.delete"),
      cancelText: t("shopee.common.cancel"),
    })
    if (confirmed) remove.mutate(profile)
  }

  /** Edit opens the profile in the form above; the active profile can be neither activated nor deleted. */
  const profileActions = (profile: ShopeeProfile): RowAction[] => {
    const editing = profile.id === selectedId
    const edit: RowAction = {
      label: editing ? t("shopee.profiles.editing") : t("shopee.profiles.edit"),
      variant: "transparent",
      disabled: editing,
      onClick: () => onSelect(profile.id),
    }
    if (profile.is_active) return [edit]
    return [
      edit,
      {
        label: t("shopee.profiles.activate"),
        variant: "secondary",
        busy: isPendingFor(activate, profile.id),
        onClick: () => activate.mutate(profile),
      },
      {
        label: t("shopee.profiles.delete"),
        variant: "danger",
        busy: isPendingFor(remove, profile.id),
        onClick: () => confirmDelete(profile),
      },
    ]
  }

  return (
    <Container className="divide-y p-0" data-testid="profiles-section">
      <div className="flex items-center justify-between px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">{t("shopee.profiles.title", { env: label })}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("shopee.profiles.description")}
          </Text>
        </div>
        <AddProfileDrawer environment={environment} onCreated={(profile) => onSelect(profile.id)} />
      </div>
      {profiles.length === 0 ? (
        <div className="px-6 py-8">
          <Text size="small" className="text-ui-fg-subtle">
            {t("shopee.profiles.empty", { env: label })}
          </Text>
        </div>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("shopee.profiles.nameColumn")}</Table.HeaderCell>
              <Table.HeaderCell>{t("shopee.profile.partnerId")}</Table.HeaderCell>
              <Table.HeaderCell>{t("shopee.profile.shopId")}</Table.HeaderCell>
              <Table.HeaderCell>{t("shopee.profiles.credentials")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("shopee.common.actions")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {profiles.map((profile) => (
              <Table.Row
                key={profile.id}
                data-testid={`profile-row-${profile.name}`}
                className={profile.id === selectedId ? "bg-ui-bg-highlight" : undefined}
              >
                <Table.Cell>
                  <div className="flex items-center gap-x-2">
                    {profile.name}
                    {profile.is_active && (
                      <Badge size="2xsmall" color="green">
                        {t("shopee.profiles.active")}
                      </Badge>
                    )}
                  </div>
                </Table.Cell>
                <Table.Cell>{profile.partner_id ?? "–"}</Table.Cell>
                <Table.Cell>{profile.shop_id ?? "–"}</Table.Cell>
                <Table.Cell>
                  {profile.complete ? (
                    <StatusBadge color="green">{t("shopee.profiles.complete")}</StatusBadge>
                  ) : (
                    <StatusBadge color="orange">{t("shopee.profiles.missing", { missing: profile.missing.join(", ") })}</StatusBadge>
                  )}
                </Table.Cell>
                <Table.Cell>
                  <RowActions actions={profileActions(profile)} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

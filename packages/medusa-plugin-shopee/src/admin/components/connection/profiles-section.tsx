import { Badge, Container, Heading, StatusBadge, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { shopeeApi } from "../../lib/api"
import { shopeeKeys } from "../../lib/query-keys"
import { errorMessage } from "../../lib/sdk"
import { ENVIRONMENT_LABELS, type ShopeeEnvironment, type ShopeeProfile } from "../../lib/types"
import { isPendingFor, RowActions, type RowAction } from "../row-actions"
import { AddProfileDrawer } from "./add-profile-drawer"

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
  const label = ENVIRONMENT_LABELS[environment]
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const refresh = () => queryClient.invalidateQueries({ queryKey: shopeeKeys.all })

  const activate = useMutation({
    mutationFn: (profile: ShopeeProfile) => shopeeApi.activateProfile(profile.id),
    onSuccess: (_, profile) => toast.success(`“${profile.name}” is now the active ${label} profile`),
    onError: (error) => toast.error("Could not activate the profile", { description: errorMessage(error) }),
    onSettled: refresh,
  })
  const remove = useMutation({
    mutationFn: (profile: ShopeeProfile) => shopeeApi.deleteProfile(profile.id),
    onSuccess: (_, profile) => toast.success(`Profile “${profile.name}” deleted`),
    onError: (error) => toast.error("Could not delete the profile", { description: errorMessage(error) }),
    onSettled: refresh,
  })

  const confirmDelete = async (profile: ShopeeProfile) => {
    const confirmed = await prompt({
      title: `Delete the profile “${profile.name}”?`,
      description: "Its credentials are removed from this store. Shopee's own settings are not changed.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (confirmed) remove.mutate(profile)
  }

  /** Edit opens the profile in the form above; the active profile can be neither activated nor deleted. */
  const profileActions = (profile: ShopeeProfile): RowAction[] => {
    const editing = profile.id === selectedId
    const edit: RowAction = {
      label: editing ? "Editing" : "Edit",
      variant: "transparent",
      disabled: editing,
      onClick: () => onSelect(profile.id),
    }
    if (profile.is_active) return [edit]
    return [
      edit,
      { label: "Activate", variant: "secondary", busy: isPendingFor(activate, profile.id), onClick: () => activate.mutate(profile) },
      { label: "Delete", variant: "danger", busy: isPendingFor(remove, profile.id), onClick: () => confirmDelete(profile) },
    ]
  }

  return (
    <Container className="divide-y p-0" data-testid="profiles-section">
      <div className="flex items-center justify-between px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">{label} profiles</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            One profile per environment is active; select a profile to edit it above.
          </Text>
        </div>
        <AddProfileDrawer environment={environment} onCreated={(profile) => onSelect(profile.id)} />
      </div>
      {profiles.length === 0 ? (
        <div className="px-6 py-8">
          <Text size="small" className="text-ui-fg-subtle">
            No {label} profiles yet. Add one to enter its credentials.
          </Text>
        </div>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Name</Table.HeaderCell>
              <Table.HeaderCell>Partner ID</Table.HeaderCell>
              <Table.HeaderCell>Shop ID</Table.HeaderCell>
              <Table.HeaderCell>Credentials</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Actions</Table.HeaderCell>
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
                        Active
                      </Badge>
                    )}
                  </div>
                </Table.Cell>
                <Table.Cell>{profile.partner_id ?? "–"}</Table.Cell>
                <Table.Cell>{profile.shop_id ?? "–"}</Table.Cell>
                <Table.Cell>
                  {profile.complete ? (
                    <StatusBadge color="green">Complete</StatusBadge>
                  ) : (
                    <StatusBadge color="orange">Missing: {profile.missing.join(", ")}</StatusBadge>
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

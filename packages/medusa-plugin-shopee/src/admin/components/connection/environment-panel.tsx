import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { shopeeApi } from "../../lib/api"
import { shopeeKeys } from "../../lib/query-keys"
import { environmentLabelKey, type ActiveEnvironmentAnswer, type ShopeeEnvironment } from "../../lib/types"
import { ConnectionSection } from "./connection-section"
import { ProfileForm } from "./profile-form"
import { ProfilesSection } from "./profiles-section"
import { ReconcileSection } from "./reconcile-section"
import { ErrorSection, LoadingSection } from "../query-state"
import { useTranslation } from "react-i18next"

/** One environment's tab: its connection, its orders reconciliation once it has been connected, the profile being edited, and its profiles. */
export const EnvironmentPanel = ({
  environment,
  activeEnvironment,
}: {
  environment: ShopeeEnvironment
  activeEnvironment: ActiveEnvironmentAnswer | undefined
}) => {
  const { t } = useTranslation()
  const label = t(environmentLabelKey(environment))
  // Which profile the form edits; none chosen means the environment's active profile.
  const [selectedId, setSelectedId] = useState<string>()
  const credentials = useQuery({
    queryKey: shopeeKeys.credentials(environment),
    queryFn: () => shopeeApi.credentials(environment),
  })
  const profiles = useQuery({
    queryKey: shopeeKeys.profiles(environment),
    queryFn: () => shopeeApi.profiles(environment),
  })

  if (credentials.isPending) return <LoadingSection label={t("shopee.connection.credentialsLabel", { env: label })} />
  if (credentials.isError) {
    return (
      <ErrorSection
        title={t("shopee.connection.credentialsError", { env: label })}
        error={credentials.error}
        onRetry={() => credentials.refetch()}
      />
    )
  }

  // A deleted or unknown selection falls back to the active profile.
  const edited = profiles.data?.profiles.find((profile) => profile.id === selectedId) ?? credentials.data.profile

  return (
    <div className="flex flex-col gap-y-3">
      <ConnectionSection credentials={credentials.data} activeEnvironment={activeEnvironment} />
      {credentials.data.token && credentials.data.token.state !== "none" && <ReconcileSection environment={environment} />}
      <ProfileForm key={`${edited.id}:${edited.updated_at}`} profile={edited} />
      {profiles.isPending ? (
        <LoadingSection label={t("shopee.connection.profilesLabel", { env: label })} />
      ) : profiles.isError ? (
        <ErrorSection
          title={t("shopee.connection.profilesError", { env: label })}
          error={profiles.error}
          onRetry={() => profiles.refetch()}
        />
      ) : (
        <ProfilesSection environment={environment} profiles={profiles.data.profiles} selectedId={edited.id} onSelect={setSelectedId} />
      )}
    </div>
  )
}

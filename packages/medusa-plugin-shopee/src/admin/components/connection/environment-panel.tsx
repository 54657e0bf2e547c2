import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { shopeeApi } from "../../lib/api"
import { shopeeKeys } from "../../lib/query-keys"
import { ENVIRONMENT_LABELS, type ActiveEnvironmentAnswer, type ShopeeEnvironment } from "../../lib/types"
import { ConnectionSection } from "./connection-section"
import { ProfileForm } from "./profile-form"
import { ProfilesSection } from "./profiles-section"
import { ErrorSection, LoadingSection } from "../query-state"

/** One environment's tab: its connection, the profile being edited, and its profiles. */
export const EnvironmentPanel = ({
  environment,
  activeEnvironment,
}: {
  environment: ShopeeEnvironment
  activeEnvironment: ActiveEnvironmentAnswer | undefined
}) => {
  const label = ENVIRONMENT_LABELS[environment]
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

  if (credentials.isPending) return <LoadingSection label={`the ${label} credentials`} />
  if (credentials.isError) {
    return (
      <ErrorSection
        title={`The ${label} credentials could not be loaded`}
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
      <ProfileForm key={`${edited.id}:${edited.updated_at}`} profile={edited} />
      {profiles.isPending ? (
        <LoadingSection label={`the ${label} profiles`} />
      ) : profiles.isError ? (
        <ErrorSection title={`The ${label} profiles could not be loaded`} error={profiles.error} onRetry={() => profiles.refetch()} />
      ) : (
        <ProfilesSection environment={environment} profiles={profiles.data.profiles} selectedId={edited.id} onSelect={setSelectedId} />
      )}
    </div>
  )
}

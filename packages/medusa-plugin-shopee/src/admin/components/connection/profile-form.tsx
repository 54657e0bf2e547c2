import { Badge, Button, Container, Heading, Input, Label, Select, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState, type ReactNode } from "react"
import { shopeeApi } from "../../lib/api"
import { formValuesOf, profileChanges, type ProfileFormValues } from "../../lib/profile-changes"
import { shopeeKeys, stockLocationKeys } from "../../lib/query-keys"
import { errorMessage } from "../../lib/sdk"
import { ENVIRONMENT_LABELS, SHOPEE_REGIONS, type ShopeeProfile } from "../../lib/types"
import { SecretField } from "./secret-field"

/** Radix's select has no empty value; this one stands for "no default location". */
const NO_LOCATION = "none"

/**
 * The profile's fields. The form is keyed by the profile's id and update time, so it starts
 * from the stored values each time the profile changes and keeps what the operator typed
 * otherwise.
 */
export const ProfileForm = ({ profile }: { profile: ShopeeProfile }) => {
  const [values, setValues] = useState<ProfileFormValues>(() => formValuesOf(profile))
  const set = <K extends keyof ProfileFormValues>(field: K) => (value: ProfileFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }))
  const changes = profileChanges(values, profile)
  const dirty = Object.keys(changes).length > 0
  const fieldId = (field: string) => `shopee-${profile.environment}-${field}`

  const queryClient = useQueryClient()
  const locations = useQuery({ queryKey: stockLocationKeys.list(), queryFn: shopeeApi.stockLocations })
  const save = useMutation({
    mutationFn: () => shopeeApi.saveProfile(profile, changes),
    onSuccess: () => {
      toast.success("Profile saved", { description: `${ENVIRONMENT_LABELS[profile.environment]} profile “${profile.name}”` })
      return queryClient.invalidateQueries({ queryKey: shopeeKeys.all })
    },
    onError: (error) => toast.error("Could not save the profile", { description: errorMessage(error) }),
  })

  const locationOptions = locations.data?.stock_locations ?? []
  // A stored location that is not in the list (deleted, or the list failed) still shows as its id.
  const unknownLocation =
    values.default_location_id && !locationOptions.some((location) => location.id === values.default_location_id)
      ? values.default_location_id
      : null

  return (
    <Container className="divide-y p-0" data-testid="profile-form">
      <div className="flex items-center justify-between px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h2">Profile “{profile.name}”</Heading>
          {profile.is_active ? (
            <Badge size="2xsmall" color="green">
              Active profile
            </Badge>
          ) : (
            <Badge size="2xsmall" color="grey">
              Inactive
            </Badge>
          )}
        </div>
        {!profile.is_active && (
          <Text size="small" className="text-ui-fg-subtle">
            Saved changes apply once the profile is activated.
          </Text>
        )}
      </div>
      <form
        className="flex flex-col gap-y-4 px-6 py-4"
        onSubmit={(event) => {
          event.preventDefault()
          if (dirty) save.mutate()
        }}
      >
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <Field id={fieldId("name")} label="Profile name">
            <Input id={fieldId("name")} value={values.name} onChange={(event) => set("name")(event.target.value)} />
          </Field>
          <Field id={fieldId("region")} label="Region">
            <Select value={values.region} onValueChange={(value) => set("region")(value as ProfileFormValues["region"])}>
              <Select.Trigger id={fieldId("region")}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {SHOPEE_REGIONS.map((region) => (
                  <Select.Item key={region} value={region}>
                    {region}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
          <Field id={fieldId("partner-id")} label="Partner ID">
            <Input
              id={fieldId("partner-id")}
              inputMode="numeric"
              value={values.partner_id}
              placeholder="From Shopee Partner Center, e.g. 2001887"
              onChange={(event) => set("partner_id")(event.target.value)}
            />
          </Field>
          <Field id={fieldId("shop-id")} label="Shop ID">
            <Input
              id={fieldId("shop-id")}
              inputMode="numeric"
              value={values.shop_id}
              placeholder="The shop to authorize, e.g. 225661"
              onChange={(event) => set("shop_id")(event.target.value)}
            />
          </Field>
          <SecretField
            id={fieldId("partner-key")}
            label="Partner key"
            fingerprint={profile.partner_key}
            unreadable={profile.unreadable_secrets.includes("partner_key")}
            value={values.partner_key}
            emptyPlaceholder="Paste the partner key from Partner Center"
            onChange={set("partner_key")}
          />
          <SecretField
            id={fieldId("push-partner-key")}
            label="Push partner key"
            fingerprint={profile.push_partner_key}
            unreadable={profile.unreadable_secrets.includes("push_partner_key")}
            value={values.push_partner_key}
            emptyPlaceholder="Paste the push partner key (Push Mechanism settings)"
            onChange={set("push_partner_key")}
          />
          <Field id={fieldId("location")} label="Default stock location">
            <Select
              value={values.default_location_id || NO_LOCATION}
              onValueChange={(value) => set("default_location_id")(value === NO_LOCATION ? "" : value)}
              disabled={locations.isLoading}
            >
              <Select.Trigger id={fieldId("location")}>
                <Select.Value placeholder="Choose a stock location" />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={NO_LOCATION}>No default location</Select.Item>
                {locationOptions.map((location) => (
                  <Select.Item key={location.id} value={location.id}>
                    {location.name}
                  </Select.Item>
                ))}
                {unknownLocation && <Select.Item value={unknownLocation}>{unknownLocation}</Select.Item>}
              </Select.Content>
            </Select>
            {locations.isError && (
              <Text size="xsmall" className="text-ui-fg-error">
                Stock locations could not be loaded: {errorMessage(locations.error)}
              </Text>
            )}
          </Field>
          <Field id={fieldId("api-base-url")} label="API base URL override">
            <Input
              id={fieldId("api-base-url")}
              value={values.api_base_url}
              placeholder="Empty: the region's host. E.g. http://localhost:9100 for the simulator"
              onChange={(event) => set("api_base_url")(event.target.value)}
            />
          </Field>
        </div>
        <div className="flex items-center justify-end gap-x-2">
          <Button
            type="button"
            size="small"
            variant="secondary"
            disabled={!dirty || save.isPending}
            onClick={() => setValues(formValuesOf(profile))}
          >
            Discard changes
          </Button>
          <Button type="submit" size="small" disabled={!dirty} isLoading={save.isPending}>
            Save
          </Button>
        </div>
      </form>
    </Container>
  )
}

const Field = ({ id, label, children }: { id: string; label: string; children: ReactNode }) => (
  <div className="flex flex-col gap-y-2">
    <Label htmlFor={id} size="small" weight="plus">
      {label}
    </Label>
    {children}
  </div>
)

import { Badge, Button, Container, Heading, Input, Label, Select, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState, type ReactNode } from "react"
import { shopeeApi } from "../../lib/api"
import { formValuesOf, profileChanges, type ProfileFormValues } from "../../lib/profile-changes"
import { shopeeKeys, stockLocationKeys } from "../../lib/query-keys"
import { errorMessage } from "../../lib/sdk"
import { ENVIRONMENT_LABELS, SHOPEE_REGIONS, type ShopeeProfile } from "../../lib/types"
import { SecretField } from "./secret-field"

type TextFieldName = "name" | "partner_id" | "shop_id" | "api_base_url" | "ship_default_address_id" | "ship_auto_delay_minutes"
type SecretName = "partner_key" | "push_partner_key"

/** Radix's select has no empty value; this one stands for "no default location" (and "no shipping default"). */
const NO_LOCATION = "none"
const NO_SHIP_DEFAULT = "none"

/**
 * The profile's fields. The form is keyed by the profile's id and update time, so it starts
 * from the stored values each time the profile changes and keeps what the operator typed
 * otherwise.
 */
export const ProfileForm = ({ profile }: { profile: ShopeeProfile }) => {
  const [values, setValues] = useState<ProfileFormValues>(() => formValuesOf(profile))
  const set =
    <K extends keyof ProfileFormValues>(field: K) =>
    (value: ProfileFormValues[K]) =>
      setValues((current) => ({ ...current, [field]: value }))
  const changes = profileChanges(values, profile)
  const dirty = Object.keys(changes).length > 0
  // The ids are the field names in kebab case, e.g. `shopee-sandbox-partner-id`.
  const fieldId = (field: string) => `shopee-${profile.environment}-${field.replace(/_/g, "-")}`
  const textField = (field: TextFieldName, label: string, placeholder?: string, inputMode?: "numeric") => (
    <Field id={fieldId(field)} label={label}>
      <Input
        id={fieldId(field)}
        inputMode={inputMode}
        value={values[field]}
        placeholder={placeholder}
        onChange={(event) => set(field)(event.target.value)}
      />
    </Field>
  )
  const secretField = (field: SecretName, label: string, emptyPlaceholder: string) => (
    <SecretField
      id={fieldId(field)}
      label={label}
      fingerprint={profile[field]}
      unreadable={profile.unreadable_secrets.includes(field)}
      value={values[field]}
      emptyPlaceholder={emptyPlaceholder}
      onChange={set(field)}
    />
  )

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
          {textField("name", "Profile name")}
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
          {textField("partner_id", "Partner ID", "From Shopee Partner Center, e.g. 2001887", "numeric")}
          {textField("shop_id", "Shop ID", "The shop to authorize, e.g. 225661", "numeric")}
          {secretField("partner_key", "Partner key", "Paste the partner key from Partner Center")}
          {secretField("push_partner_key", "Push partner key", "Paste the push partner key (Push Mechanism settings)")}
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
          {textField("api_base_url", "API base URL override", "Empty: the region's host. E.g. http://localhost:9100 for the simulator")}
          <Field id={fieldId("ship_default_mode")} label="Arrange shipment on Shopee when an order is fulfilled">
            <Select
              value={values.ship_default_mode || NO_SHIP_DEFAULT}
              onValueChange={(value) =>
                set("ship_default_mode")(value === NO_SHIP_DEFAULT ? "" : (value as ProfileFormValues["ship_default_mode"]))
              }
            >
              <Select.Trigger id={fieldId("ship_default_mode")}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={NO_SHIP_DEFAULT}>No: arrange by hand</Select.Item>
                <Select.Item value="pickup">Yes, pickup</Select.Item>
                <Select.Item value="dropoff">Yes, drop-off</Select.Item>
              </Select.Content>
            </Select>
          </Field>
          {textField("ship_default_address_id", "Pickup address ID", "Empty: Shopee's default pickup address", "numeric")}
          {textField("ship_auto_delay_minutes", "Wait after the order is placed (minutes)", "60: Shopee's buyer-cancel hour", "numeric")}
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

import { Badge, Button, Container, Heading, Input, Label, Select, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState, type ReactNode } from "react"
import { shopeeApi } from "../../lib/api"
import { formValuesOf, profileChanges, type ProfileFormValues } from "../../lib/profile-changes"
import { shopeeKeys, stockLocationKeys } from "../../lib/query-keys"
import { errorMessage } from "../../lib/sdk"
import { environmentLabelKey, SHOPEE_REGIONS, type ShopeeProfile } from "../../lib/types"
import { SecretField } from "./secret-field"
import { useTranslation } from "react-i18next"

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
  const { t } = useTranslation()
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
      toast.success(t("shopee.profile.saved"), {
        description: t("shopee.profiles.envProfile", { env: t(environmentLabelKey(profile.environment)), name: profile.name }),
      })
      return queryClient.invalidateQueries({ queryKey: shopeeKeys.all })
    },
    onError: (error) => toast.error(t("shopee.profile.saveError"), { description: errorMessage(error) }),
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
          <Heading level="h2">{t("shopee.profile.title", { name: profile.name })}</Heading>
          {profile.is_active ? (
            <Badge size="2xsmall" color="green">
              {t("shopee.profile.active")}
            </Badge>
          ) : (
            <Badge size="2xsmall" color="grey">
              {t("shopee.profile.inactive")}
            </Badge>
          )}
        </div>
        {!profile.is_active && (
          <Text size="small" className="text-ui-fg-subtle">
            {t("shopee.profile.inactiveHint")}
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
          {textField("name", t("shopee.profiles.name"))}
          <Field id={fieldId("region")} label={t("shopee.profile.region")}>
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
          {textField("partner_id", t("shopee.profile.partnerId"), t("shopee.profile.partnerIdPlaceholder"), "numeric")}
          {textField("shop_id", t("shopee.profile.shopId"), t("shopee.profile.shopIdPlaceholder"), "numeric")}
          {secretField("partner_key", t("shopee.profile.partnerKey"), t("shopee.profile.partnerKeyPlaceholder"))}
          {secretField("push_partner_key", t("shopee.profile.pushPartnerKey"), t("shopee.profile.pushPartnerKeyPlaceholder"))}
          <Field id={fieldId("location")} label={t("shopee.profile.location")}>
            <Select
              value={values.default_location_id || NO_LOCATION}
              onValueChange={(value) => set("default_location_id")(value === NO_LOCATION ? "" : value)}
              disabled={locations.isLoading}
            >
              <Select.Trigger id={fieldId("location")}>
                <Select.Value placeholder={t("shopee.profile.locationPlaceholder")} />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={NO_LOCATION}>{t("shopee.profile.noLocation")}</Select.Item>
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
                {t("shopee.profile.locationsError", { error: errorMessage(locations.error) })}
              </Text>
            )}
          </Field>
          {textField("api_base_url", t("shopee.profile.apiBaseUrl"), t("shopee.profile.apiBaseUrlPlaceholder"))}
          <Field id={fieldId("ship_default_mode")} label={t("shopee.profile.shipDefault")}>
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
                <Select.Item value={NO_SHIP_DEFAULT}>{t("shopee.profile.shipByHand")}</Select.Item>
                <Select.Item value="pickup">{t("shopee.profile.shipPickup")}</Select.Item>
                <Select.Item value="dropoff">{t("shopee.profile.shipDropoff")}</Select.Item>
              </Select.Content>
            </Select>
          </Field>
          {textField("ship_default_address_id", t("shopee.profile.addressId"), t("shopee.profile.addressIdPlaceholder"), "numeric")}
          {textField("ship_auto_delay_minutes", t("shopee.profile.delay"), t("shopee.profile.delayPlaceholder"), "numeric")}
        </div>
        <div className="flex items-center justify-end gap-x-2">
          <Button
            type="button"
            size="small"
            variant="secondary"
            disabled={!dirty || save.isPending}
            onClick={() => setValues(formValuesOf(profile))}
          >
            {t("shopee.profile.discard")}
          </Button>
          <Button type="submit" size="small" disabled={!dirty} isLoading={save.isPending}>
            {t("shopee.common.save")}
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

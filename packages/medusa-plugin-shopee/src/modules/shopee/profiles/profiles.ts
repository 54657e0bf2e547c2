import type { Context, Logger } from "@medusajs/framework/types"
import { MedusaError, generateEntityId } from "@medusajs/framework/utils"
import type { ShopeeEnvironment } from "../environments"
import type { ShopeePluginOptions } from "../options"
import { keyringOf } from "../secrets/keyring"
import type { ProfileRow, ShopeeTableAccess } from "../tables"
import type { CreateProfileInput, PresentedProfile, ProfileFieldsInput } from "../types"
import type { ActiveEnvironment } from "./active-environment"
import { profileColumns } from "./profile-columns"
import { missingFieldsMessage, missingProfileFields } from "./profile-completeness"
import { presentProfile, profileChangeLine } from "./profile-presentation"
import type { ProfileRows } from "./profile-rows"

type ProfileTable = Pick<
  ShopeeTableAccess,
  "listShopeeProfiles" | "createShopeeProfiles" | "updateShopeeProfiles" | "softDeleteShopeeProfiles"
>

/**
 * Credential profiles and their rules: one active per environment, the profile serving the
 * active environment stays complete, the active one cannot be deleted. Every change is audited
 * with fingerprints only.
 */
export class Profiles {
  constructor(
    private readonly table: ProfileTable,
    private readonly rows: ProfileRows,
    private readonly environment: ActiveEnvironment,
    private readonly options: ShopeePluginOptions,
    private readonly logger: Logger
  ) {}

  present(row: ProfileRow): PresentedProfile {
    return presentProfile(row, keyringOf(this.options))
  }

  async list(environment: ShopeeEnvironment | undefined, sharedContext: Context): Promise<PresentedProfile[]> {
    const rows = await this.table.listShopeeProfiles(
      environment ? { environment } : {},
      { order: { environment: "ASC", created_at: "ASC" } },
      sharedContext
    )
    return rows.map((row) => this.present(row))
  }

  /** A new profile; it becomes its environment's active profile only when that has none. */
  async create(input: CreateProfileInput, sharedContext: Context): Promise<PresentedProfile> {
    const id = generateEntityId(undefined, "shprof")
    const existingActive = await this.table.listShopeeProfiles(
      { environment: input.environment, is_active: true },
      { select: ["id"] },
      sharedContext
    )
    await this.rows.assertNameFree(input.environment, input.name, undefined, sharedContext)
    const row = await this.table.createShopeeProfiles(
      {
        id,
        environment: input.environment,
        name: input.name,
        region: input.region ?? (input.environment === "sandbox" ? "TEST_GLOBAL" : "GLOBAL"),
        is_active: existingActive.length === 0,
        ...profileColumns(input, { id, environment: input.environment }, this.options),
      },
      sharedContext
    )
    return this.audited("created", row, input)
  }

  async update(id: string, input: ProfileFieldsInput, sharedContext: Context): Promise<PresentedProfile> {
    const row = await this.rows.byId(id, sharedContext)
    if (input.name !== undefined && input.name !== row.name) {
      await this.rows.assertNameFree(row.environment, input.name, row.id, sharedContext)
    }
    const columns = profileColumns(input, row, this.options)
    const missing = missingProfileFields({ ...row, ...columns })
    const wasComplete = missingProfileFields(row).length === 0
    if (wasComplete && missing.length > 0 && row.is_active && (await this.environment.serves(row.environment, sharedContext))) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `This profile serves the active environment and would become incomplete. ${missingFieldsMessage(missing)}`
      )
    }
    const updated = await this.table.updateShopeeProfiles(
      { id, ...(input.name !== undefined ? { name: input.name } : {}), ...(input.region ? { region: input.region } : {}), ...columns },
      sharedContext
    )
    return this.audited("updated", updated, input)
  }

  /** Makes a profile its environment's active one; the caller's transaction holds the deactivation too. */
  async activate(id: string, sharedContext: Context): Promise<PresentedProfile> {
    const row = await this.rows.byId(id, sharedContext)
    if (row.is_active) {
      return this.present(row)
    }
    const missing = missingProfileFields(row)
    if (missing.length > 0 && (await this.environment.serves(row.environment, sharedContext))) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `${row.environment} is the active environment; its active profile must be complete. ${missingFieldsMessage(missing)}`
      )
    }
    const active = await this.table.listShopeeProfiles({ environment: row.environment, is_active: true }, { select: ["id"] }, sharedContext)
    if (active.length > 0) {
      await this.table.updateShopeeProfiles(
        { selector: { id: active.map((profile) => profile.id) }, data: { is_active: false } },
        sharedContext
      )
    }
    return this.present(await this.table.updateShopeeProfiles({ id, is_active: true }, sharedContext))
  }

  async delete(id: string, sharedContext: Context): Promise<void> {
    const row = await this.rows.byId(id, sharedContext)
    if (row.is_active) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Profile "${row.name}" is the active ${row.environment} profile; activate another ${row.environment} profile before deleting it.`
      )
    }
    await this.table.softDeleteShopeeProfiles([id], {}, sharedContext)
  }

  private audited(action: string, row: ProfileRow, input: ProfileFieldsInput): PresentedProfile {
    const presented = this.present(row)
    this.logger.info(profileChangeLine(action, presented, input))
    return presented
  }
}

/**
 * Emitted by Medusa itself (the module's generated create, MedusaService) for each
 * `connector_exception` row created, with `{ id }` as its data. The exception queue creates a
 * row only when none of the same environment, kind and reference is open, so this fires once
 * per exception opened, never when an open one is raised again.
 */
export const EXCEPTION_CREATED_EVENT = "shopee.connector-exception.created"

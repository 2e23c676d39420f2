// Creating a tenant with its first credentials (used by apps/server for the default tenant, by
// tests, and by operators' own provisioning).
import { acceptKey, newKey } from "./auth/credentials.js";
import { addSigningKey } from "./auth/tokens.js";
import type { Store, Tenant } from "./store/types.js";

export interface NewTenant extends Partial<Omit<Tenant, "id">> {
  id: string;
  /** The secret key to accept (default: a new random one). */
  secretKey?: string;
  /** The publishable key to accept (default: a new random one). */
  publishableKey?: string;
}

/** Creates a tenant, a secret key, a publishable key and a signing key; returns the keys' text. */
export async function createTenant(
  store: Store,
  t: NewTenant,
  now = new Date(),
): Promise<{ tenant: Tenant; secretKey: string; publishableKey: string }> {
  const tenant: Tenant = {
    id: t.id,
    name: t.name ?? t.id,
    timeZone: t.timeZone ?? "UTC",
    currency: t.currency ?? "USD",
    publicMetrics: t.publicMetrics ?? [],
    allowedOrigins: t.allowedOrigins ?? [],
  };
  await store.createTenant(tenant);
  const secretKey = t.secretKey ?? newKey("secret");
  const publishableKey = t.publishableKey ?? newKey("publishable");
  for (const [kind, text] of [
    ["secret", secretKey],
    ["publishable", publishableKey],
  ] as const) {
    await acceptKey(store, tenant.id, kind, text, { now });
  }
  // Made now rather than with the first token, which several processes might mint at once.
  await addSigningKey(store, tenant.id, now);
  return { tenant, secretKey, publishableKey };
}

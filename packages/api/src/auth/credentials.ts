// Secret and publishable keys: random text shown once, stored only as its SHA-256 hash.
import type { ApiKey, KeyKind, Store } from "../store/types.js";

export type CredentialKind = "secret" | "publishable" | "token";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function randomText(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  // 62 does not divide 256; the bias (under 0.4 % between characters) costs no meaningful entropy at 40 characters.
  return Array.from(bytes, (b) => BASE62[b % 62]).join("");
}

export function newKey(kind: "secret" | "publishable", mode: "live" | "test" = "live"): string {
  return `kpi_${kind === "secret" ? "sk" : "pk"}_${mode}_${randomText(40)}`;
}

export function keyKind(credential: string): CredentialKind | undefined {
  if (credential.startsWith("kpi_sk_")) return "secret";
  if (credential.startsWith("kpi_pk_")) return "publishable";
  if (/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(credential)) return "token";
  return undefined;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Makes the tenant accept a key from now on: stored by the hash of its text, with a hint to tell
 * it apart. Returns the key's record; its text is never stored.
 */
export async function acceptKey(
  store: Store,
  tenantId: string,
  kind: KeyKind,
  text: string,
  { now = new Date(), expiresAt = null }: { now?: Date; expiresAt?: string | null } = {},
): Promise<ApiKey> {
  const key: ApiKey = {
    id: `key_${randomText(16)}`,
    tenantId,
    kind,
    ...keyHint(text),
    createdAt: now.toISOString(),
    expiresAt,
  };
  await store.addKey(key, await sha256Hex(text));
  return key;
}

/** How a key is shown after creation: enough to recognise it, never enough to use it. */
export function keyHint(key: string): { prefix: string; last4: string } {
  return { prefix: key.slice(0, key.indexOf("_", 7) + 1 || 7), last4: key.slice(-4) };
}

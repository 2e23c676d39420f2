// What a request carries once its credential is verified. The tenant comes from the credential
// and nowhere else: no route reads a tenant from the URL, the body or a header.
import type { Tenant } from "./store/types.js";

export interface Auth {
  tenant: Tenant;
  kind: "secret" | "publishable" | "token";
  /** The credential, for rate limits: a key's id, or a token's jti. */
  subject: string;
  /** KPIs this credential may read; undefined means all of the tenant's. */
  metrics?: readonly string[];
  /** Filters ANDed into every query (embed tokens). */
  lockedFilters?: Readonly<Record<string, readonly string[]>>;
  /** When the credential stops being valid, in epoch ms. */
  expiresAt?: number;
  /** Pages an embed token may be used from. */
  origins?: readonly string[];
}

export type AppEnv = {
  Variables: {
    auth: Auth;
    /** Security and CORS headers for this request's response (middleware/headers.ts). */
    headers: Record<string, string>;
    /** Set when the handler's response already carries them. */
    headersApplied: boolean;
  };
};

// Who is calling: a secret key, a publishable key or an embed token, each verified against the
// store. Everything fails closed: no credential, an unknown one or a mismatched origin is refused.
import type { MiddlewareHandler } from "hono";
import type { AppEnv, Auth } from "../context.js";
import { HttpProblem } from "../problem.js";
import type { Store } from "../store/types.js";
import { keyKind, sha256Hex } from "./credentials.js";
import { type EmbedClaims, TokenError, verifyToken } from "./tokens.js";

const CHALLENGE = { "WWW-Authenticate": 'Bearer realm="kpikit"' };

/**
 * The page a browser request comes from: Origin, or failing that the Referer's origin. A browser
 * sends `Origin: null` from pages it gives no origin (sandboxed iframes, file:// pages, some privacy
 * modes): that is a page, and one no tenant can allow, not the absence of one.
 */
export function requestOrigin(header: (name: string) => string | undefined): string | undefined {
  const origin = header("origin");
  if (origin) return origin;
  const referer = header("referer");
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

/**
 * Verified credentials, kept briefly so that a busy widget does not pay for a hash and two lookups
 * on every request. Revoking a key or changing settings in this process clears it at once; other
 * processes (and isolates) see such changes within TTL_MS.
 */
export class CredentialCache {
  static readonly TTL_MS = 5_000;
  private readonly entries = new Map<string, { auth: Auth; until: number }>();

  get(credential: string, now: number): Auth | undefined {
    const e = this.entries.get(credential);
    if (!e) return undefined;
    if (e.until > now) return e.auth;
    this.entries.delete(credential);
    return undefined;
  }

  set(credential: string, auth: Auth, now: number): void {
    if (this.entries.size >= 10_000) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(credential, { auth, until: Math.min(now + CredentialCache.TTL_MS, auth.expiresAt ?? Infinity) });
  }

  clear(): void {
    this.entries.clear();
  }
}

async function verify(store: Store, credential: string): Promise<Auth> {
  const kind = keyKind(credential);
  if (kind === "secret" || kind === "publishable") {
    const key = await store.keyByHash(await sha256Hex(credential));
    if (!key || key.kind !== kind) throw new HttpProblem(401, "this key is not known", undefined, CHALLENGE);
    if (key.expiresAt !== null && key.expiresAt <= new Date().toISOString())
      throw new HttpProblem(401, "this key has expired", undefined, CHALLENGE);
    const tenant = await store.getTenant(key.tenantId);
    if (!tenant) throw new HttpProblem(401, "this key's tenant no longer exists", undefined, CHALLENGE);
    return kind === "publishable"
      ? {
          tenant,
          kind,
          subject: `key:${key.id}`,
          metrics: tenant.publicMetrics,
          ...(key.expiresAt ? { expiresAt: Date.parse(key.expiresAt) } : {}),
        }
      : { tenant, kind, subject: `key:${key.id}`, ...(key.expiresAt ? { expiresAt: Date.parse(key.expiresAt) } : {}) };
  }
  if (kind === "token") {
    let claims: EmbedClaims;
    try {
      claims = await verifyToken(credential, store);
    } catch (e) {
      if (e instanceof TokenError)
        throw new HttpProblem(401, e.message, undefined, {
          "WWW-Authenticate": 'Bearer realm="kpikit", error="invalid_token"',
        });
      throw e;
    }
    const tenant = await store.getTenant(claims.tid);
    if (!tenant) throw new HttpProblem(401, "the token's tenant no longer exists", undefined, CHALLENGE);
    return {
      tenant,
      kind,
      subject: `token:${claims.jti}`,
      metrics: claims.metrics,
      expiresAt: claims.exp * 1000,
      ...(claims.filters ? { lockedFilters: claims.filters } : {}),
      ...(claims.origins ? { origins: claims.origins } : {}),
    };
  }
  throw new HttpProblem(
    401,
    "the Authorization header holds neither a KPI Kit key (kpi_sk_…, kpi_pk_…) nor an embed token",
    undefined,
    CHALLENGE,
  );
}

export function authenticate(store: Store, cache: CredentialCache): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization");
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match)
      throw new HttpProblem(
        401,
        "send a secret key, a publishable key or an embed token as Authorization: Bearer …",
        undefined,
        CHALLENGE,
      );
    const credential = match[1]!;
    const now = Date.now();
    let auth = cache.get(credential, now);
    if (!auth) {
      auth = await verify(store, credential);
      cache.set(credential, auth, now);
    }
    // The origin is checked on every request: it is the request's, not the credential's.
    const origin = requestOrigin((n) => c.req.header(n));
    if (origin !== undefined) {
      // Origin headers can be forged outside a browser, so this guards honest pages, not data: a
      // publishable key only ever reads the tenant's public KPIs, and a token only its own.
      if (auth.kind === "publishable" && !auth.tenant.allowedOrigins.includes(origin))
        throw originRefused(origin, "publishable key");
      if (auth.kind === "token" && auth.origins && !auth.origins.includes(origin)) throw originRefused(origin, "token");
    }
    c.set("auth", auth);
    await next();
  };
}

/** A refusal that says what the page's owner can do about it. */
function originRefused(origin: string, credential: "publishable key" | "token"): HttpProblem {
  if (origin === "null") {
    return new HttpProblem(
      403,
      `this ${credential} may not be used from a page with no origin (Origin: null: a sandboxed iframe, a ` +
        `file:// page or a privacy mode); serve the page from an origin the ` +
        `${credential === "token" ? "token names" : "tenant allows"}`,
    );
  }
  const remedy =
    credential === "token"
      ? `mint the token with ${origin} among its origins (POST /v1/tokens {"origins": ["${origin}"]})`
      : `add it to the tenant's allowed origins (PUT /v1/settings {"allowedOrigins": [..., "${origin}"]} ` +
        `with a secret key)`;
  return new HttpProblem(403, `this ${credential} may not be used from ${origin}: ${remedy}`);
}

/** Writes, imports, definitions, settings, tokens and the SQL behind KPIs need a secret key. */
export const requireSecret: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get("auth").kind !== "secret")
    throw new HttpProblem(403, "this needs a secret key; publishable keys and embed tokens can only read");
  await next();
};

/** A KPI the credential may read (embed tokens list theirs; publishable keys read public ones). */
export function assertMetricAllowed(auth: Auth, metric: string): void {
  if (auth.metrics && !auth.metrics.includes(metric)) {
    throw new HttpProblem(
      403,
      auth.kind === "token"
        ? `this token does not grant ${metric}: mint one that lists it (POST /v1/tokens {"metrics": [..., ` +
            `"${metric}"]})`
        : `${metric} is not public: a publishable key reads only the KPIs the tenant made public (PUT ` +
            `/v1/settings {"publicMetrics": [..., "${metric}"]}); read private ones with an embed token`,
    );
  }
}

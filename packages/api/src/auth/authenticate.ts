// Who is calling: a secret key, a publishable key or an embed token, each verified against the
// store. Everything fails closed: no credential, an unknown one or a mismatched origin is refused.
import type { MiddlewareHandler } from "hono";
import type { AppEnv, Auth } from "../context.js";
import { HttpProblem } from "../problem.js";
import type { Store } from "../store/types.js";
import { keyKind, sha256Hex } from "./credentials.js";
import { TokenError, verifyToken } from "./tokens.js";

const CHALLENGE = { "WWW-Authenticate": 'Bearer realm="kpikit"' };

/** The page a browser request comes from: Origin, or failing that the Referer's origin. */
function requestOrigin(header: (name: string) => string | undefined): string | undefined {
  const origin = header("origin");
  if (origin && origin !== "null") return origin;
  const referer = header("referer");
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

export function authenticate(store: Store): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization");
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) throw new HttpProblem(401, "send a secret key, a publishable key or an embed token as Authorization: Bearer …", undefined, CHALLENGE);
    const credential = match[1]!;
    const kind = keyKind(credential);
    const origin = requestOrigin((n) => c.req.header(n));
    let auth: Auth;
    if (kind === "secret" || kind === "publishable") {
      const key = await store.keyByHash(await sha256Hex(credential));
      if (!key || key.kind !== kind) throw new HttpProblem(401, "this key is not known", undefined, CHALLENGE);
      if (key.expiresAt !== null && key.expiresAt <= new Date().toISOString()) throw new HttpProblem(401, "this key has expired", undefined, CHALLENGE);
      const tenant = await store.getTenant(key.tenantId);
      if (!tenant) throw new HttpProblem(401, "this key's tenant no longer exists", undefined, CHALLENGE);
      if (kind === "publishable") {
        // Origin headers can be forged outside a browser, so this is a guard for honest pages,
        // not a lock: a publishable key only ever reads the tenant's public KPIs.
        if (origin !== undefined && !tenant.allowedOrigins.includes(origin)) throw new HttpProblem(403, `this publishable key may not be used from ${origin}`);
        auth = { tenant, kind, subject: `key:${key.id}`, metrics: tenant.publicMetrics };
      } else {
        auth = { tenant, kind, subject: `key:${key.id}` };
      }
    } else if (kind === "token") {
      let claims;
      try {
        claims = await verifyToken(credential, store);
      } catch (e) {
        if (e instanceof TokenError) throw new HttpProblem(401, e.message, undefined, { "WWW-Authenticate": 'Bearer realm="kpikit", error="invalid_token"' });
        throw e;
      }
      const tenant = await store.getTenant(claims.tid);
      if (!tenant) throw new HttpProblem(401, "the token's tenant no longer exists", undefined, CHALLENGE);
      if (claims.origins && origin !== undefined && !claims.origins.includes(origin)) throw new HttpProblem(403, `this token may not be used from ${origin}`);
      auth = {
        tenant,
        kind,
        subject: `token:${claims.jti}`,
        metrics: claims.metrics,
        expiresAt: claims.exp * 1000,
        ...(claims.filters ? { lockedFilters: claims.filters } : {}),
      };
    } else {
      throw new HttpProblem(401, "the Authorization header holds neither a KPI Kit key (kpi_sk_…, kpi_pk_…) nor an embed token", undefined, CHALLENGE);
    }
    c.set("auth", auth);
    await next();
  };
}

/** Writes, imports, definitions, settings and tokens need a secret key. */
export const requireSecret: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get("auth").kind !== "secret") throw new HttpProblem(403, "this needs a secret key; publishable keys and embed tokens can only read");
  await next();
};

/** A KPI the credential may read (embed tokens list theirs; publishable keys read public ones). */
export function assertMetricAllowed(auth: Auth, metric: string): void {
  if (auth.metrics && !auth.metrics.includes(metric)) {
    throw new HttpProblem(403, auth.kind === "token" ? `this token does not grant ${metric}` : `${metric} is not public; a publishable key reads only public KPIs`);
  }
}

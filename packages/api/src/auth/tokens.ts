// Embed tokens: short-lived JWTs the API mints for a tenant's page. HS256 is pinned here, never
// read from the token; the key is found by the header's `kid`, and the tenant it belongs to must
// be the token's `tid`. A token can only read the metrics it lists, within its locked filters.
import { decode, sign, verify } from "hono/jwt";
import { dimensionNameSchema, metricIdSchema } from "@kpikit/core";
import { z } from "zod";
import { randomText } from "./credentials.js";
import type { SigningKey, Store } from "../store/types.js";

export const TOKEN_AUDIENCE = "kpikit";
/** The longest an embed token may live: it sits in page HTML, so it must expire soon. */
export const MAX_TOKEN_SECONDS = 15 * 60;
const ALG = "HS256";

const filterValues = z.union([z.string().min(1).max(256), z.array(z.string().min(1).max(256)).min(1).max(100)]);

export const tokenRequestSchema = z.strictObject({
  metrics: z.array(metricIdSchema).min(1).max(100),
  filters: z.record(dimensionNameSchema, filterValues).optional(),
  origins: z
    .array(z.url({ protocol: /^https?$/ }))
    .max(20)
    .optional(),
  ttlSeconds: z.number().int().min(30).max(MAX_TOKEN_SECONDS).default(600),
  /** The viewer, for the tenant's own audit trail. */
  sub: z.string().min(1).max(256).optional(),
});
export type TokenRequest = z.input<typeof tokenRequestSchema>;

export const claimsSchema = z.object({
  tid: z.string().min(1),
  aud: z.literal(TOKEN_AUDIENCE),
  metrics: z.array(z.string()).min(1),
  filters: z.record(z.string(), z.array(z.string()).min(1)).optional(),
  origins: z.array(z.string()).optional(),
  sub: z.string().optional(),
  iat: z.number().int(),
  exp: z.number().int(),
  jti: z.string().min(1),
});
export type EmbedClaims = z.infer<typeof claimsSchema>;

function jwkOf(key: SigningKey) {
  return { kty: "oct", k: key.secret, alg: ALG, kid: key.kid } as const;
}

/** Gives the tenant a new signing key, current from now on (the older ones still verify the tokens they signed). */
export async function addSigningKey(store: Store, tenantId: string, now: Date): Promise<SigningKey> {
  const secret = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
  const key: SigningKey = {
    kid: `${tenantId}:${now.toISOString().slice(0, 10)}:${randomText(8)}`,
    tenantId,
    secret,
    createdAt: now.toISOString(),
    expiresAt: null,
  };
  await store.addSigningKey(key);
  return key;
}

export async function mintToken(
  key: SigningKey,
  request: z.output<typeof tokenRequestSchema>,
  nowMs: number,
): Promise<{ token: string; claims: EmbedClaims }> {
  const iat = Math.floor(nowMs / 1000);
  const claims: EmbedClaims = {
    tid: key.tenantId,
    aud: TOKEN_AUDIENCE,
    metrics: [...new Set(request.metrics)],
    ...(request.filters
      ? {
          filters: Object.fromEntries(Object.entries(request.filters).map(([d, v]) => [d, Array.isArray(v) ? v : [v]])),
        }
      : {}),
    ...(request.origins ? { origins: request.origins.map((o) => new URL(o).origin) } : {}),
    ...(request.sub ? { sub: request.sub } : {}),
    iat,
    exp: iat + request.ttlSeconds,
    jti: randomText(16),
  };
  return { token: await sign(claims, jwkOf(key)), claims };
}

/** Mints a token with the tenant's current signing key, made on first use. */
export async function issueToken(
  store: Store,
  tenantId: string,
  request: z.output<typeof tokenRequestSchema>,
  at = new Date(),
): Promise<{ token: string; claims: EmbedClaims }> {
  const key = (await store.currentSigningKey(tenantId, at.toISOString())) ?? (await addSigningKey(store, tenantId, at));
  return mintToken(key, request, at.getTime());
}

export class TokenError extends Error {}

/** Verifies an embed token; throws TokenError with a reason fit to send back. */
export async function verifyToken(token: string, store: Store): Promise<EmbedClaims> {
  let kid: string | undefined;
  try {
    const { header } = decode(token);
    if (header.alg !== ALG) throw new TokenError(`tokens are signed with ${ALG}; this one says ${String(header.alg)}`);
    // The header is the sender's JSON: a kid that is not a short string names no key of ours.
    if (header.kid !== undefined && (typeof header.kid !== "string" || header.kid.length > 200))
      throw new TokenError("the token's kid is not the name of a signing key");
    kid = header.kid;
  } catch (e) {
    if (e instanceof TokenError) throw e;
    throw new TokenError("the token is not a well-formed JWT");
  }
  if (!kid) throw new TokenError("the token names no signing key (kid)");
  const key = await store.signingKey(kid);
  if (!key) throw new TokenError("the token's signing key (kid) is unknown");
  if (key.expiresAt !== null && key.expiresAt <= new Date().toISOString())
    throw new TokenError("the token's signing key has been retired");
  let payload: unknown;
  try {
    payload = await verify(token, jwkOf(key), { alg: ALG, aud: TOKEN_AUDIENCE });
  } catch (e) {
    const name = (e as Error).name;
    if (name === "JwtTokenExpired") throw new TokenError("the token has expired");
    if (name === "JwtTokenSignatureMismatched") throw new TokenError("the token's signature does not match");
    throw new TokenError("the token is not valid");
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) throw new TokenError("the token's claims are incomplete");
  if (claims.data.tid !== key.tenantId) throw new TokenError("the token's tenant does not own its signing key");
  if (claims.data.exp - claims.data.iat > MAX_TOKEN_SECONDS)
    throw new TokenError(`a token may live at most ${MAX_TOKEN_SECONDS / 60} minutes`);
  return claims.data;
}

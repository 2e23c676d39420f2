// Security and CORS headers for every response, computed once per request as a plain object.
// Hot handlers build their response with them directly (respond()), which @hono/node-server
// writes without constructing a Headers object; any other response gets them added afterwards.
// On a cached metric this doubles throughput over setting them on the finished response, as
// Hono's secureHeaders() and cors() do.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.js";

const SECURITY: Readonly<Record<string, string>> = {
  "Strict-Transport-Security": "max-age=15552000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Permitted-Cross-Domain-Policies": "none",
  "Origin-Agent-Cluster": "?1",
  // Widgets load from other sites' pages, so the API's resources may be embedded cross-origin.
  "Cross-Origin-Resource-Policy": "cross-origin",
};

export interface CorsOptions {
  allowMethods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  maxAge: number;
}

/**
 * CORS for any page: it is not authentication (the credential decides what a caller gets), and
 * no cookies are involved, so the request's origin is reflected on `corsPaths`.
 */
export function responseHeaders(cors: CorsOptions, corsPath: (path: string) => boolean): MiddlewareHandler<AppEnv> {
  const preflight = {
    "Access-Control-Allow-Methods": cors.allowMethods.join(", "),
    "Access-Control-Allow-Headers": cors.allowHeaders.join(", "),
    "Access-Control-Max-Age": String(cors.maxAge),
  };
  const exposed = cors.exposeHeaders.join(", ");
  return async (c, next) => {
    const origin = corsPath(c.req.path) ? c.req.header("origin") : undefined;
    if (origin !== undefined && c.req.method === "OPTIONS" && c.req.header("access-control-request-method")) {
      return new Response(null, {
        status: 204,
        headers: {
          ...SECURITY,
          ...preflight,
          "Access-Control-Allow-Origin": origin,
          Vary: "Origin, Access-Control-Request-Headers",
        },
      });
    }
    const headers: Record<string, string> =
      origin === undefined
        ? { ...SECURITY }
        : {
            ...SECURITY,
            "Access-Control-Allow-Origin": origin,
            "Access-Control-Expose-Headers": exposed,
            Vary: "Origin",
          };
    c.set("headers", headers);
    await next();
    if (c.get("headersApplied")) return;
    for (const name in headers) {
      if (name === "Vary") c.res.headers.append(name, headers[name]!);
      else if (!c.res.headers.has(name)) c.res.headers.set(name, headers[name]!);
    }
  };
}

/** A response carrying the request's security and CORS headers, built in one go. */
export function respond(
  c: Context<AppEnv>,
  body: string | null,
  status: number,
  headers: Record<string, string>,
): Response {
  c.set("headersApplied", true);
  const base = c.get("headers");
  const merged: Record<string, string> = { ...base, ...headers };
  if (base?.Vary && headers.Vary) merged.Vary = `${base.Vary}, ${headers.Vary}`;
  return new Response(body, { status, headers: merged });
}

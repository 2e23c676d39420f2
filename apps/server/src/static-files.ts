// Static files with the headers their use asks for, set once a file was found (a 404 keeps its own).
import { serveStatic } from "@hono/node-server/serve-static";
import type { MiddlewareHandler } from "hono";

/** Serves `root` under `prefix`, adding `headers` to every file found. */
export function staticFiles(prefix: string, root: string, headers: Record<string, string> = {}): MiddlewareHandler[] {
  const withHeaders: MiddlewareHandler = async (c, next) => {
    await next();
    if (c.res.status !== 200) return;
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
  return [withHeaders, serveStatic({ root, rewriteRequestPath: (p) => p.slice(prefix.length) })];
}

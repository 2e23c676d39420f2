// Reading KPIs: one query from URL parameters, a batch in one request, a live stream, the SQL.
import { MAX_BATCH_QUERIES, parseQuery, queryFromSearchParams } from "@kpikit/core";
import { Hono } from "hono";
import { stream as streamBody, streamSSE } from "hono/streaming";
import type { AppEnv } from "../context.js";
import { HttpProblem, toProblem } from "../problem.js";
import type { KpiService } from "../service.js";
import { respond } from "../middleware/headers.js";
import { jsonBody } from "../middleware/json-body.js";

/** Authenticated results may be kept by the browser only, briefly, and reused while revalidating. */
const CACHE_CONTROL = "private, max-age=30, stale-while-revalidate=300";

export interface StreamOptions {
  /** How often a stream checks for changes made by other processes or isolates. */
  pollMs: number;
  heartbeatMs: number;
  /** A stream closes after this long (clients reconnect), and when its token expires. */
  maxMs: number;
}

const NDJSON = "application/x-ndjson";

/** Whether the caller asked for answers line by line (it lists application/x-ndjson in Accept). */
function wantsLines(accept: string | undefined): boolean {
  return !!accept && accept.split(",").some((t) => t.split(";")[0]!.trim().toLowerCase() === NDJSON);
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  return !!ifNoneMatch && ifNoneMatch.split(",").some((t) => t.trim() === etag || t.trim() === "*");
}

export function metricRoutes(service: KpiService, stream: StreamOptions) {
  const app = new Hono<AppEnv>();

  app.get("/v1/metrics/:id", async (c) => {
    const auth = c.get("auth");
    const id = c.req.param("id");
    const url = c.req.url;
    const search = url.includes("?") ? url.slice(url.indexOf("?")) : "";
    const query = await service.authorize(
      auth,
      service.queryFromUrl(id, search, () => queryFromSearchParams(id, new URLSearchParams(search))),
    );
    const tag = await service.etag(auth, query);
    const headers = { ETag: tag.etag, "Cache-Control": CACHE_CONTROL, Vary: "Authorization" };
    if (matches(c.req.header("if-none-match"), tag.etag)) return respond(c, null, 304, headers);
    const { body } = await service.result(auth, query, tag);
    return respond(c, body, 200, { ...headers, "Content-Type": "application/json" });
  });

  app.get("/v1/metrics/:id/sql", async (c) => {
    const auth = c.get("auth");
    const query = await service.authorize(
      auth,
      queryFromSearchParams(c.req.param("id"), new URL(c.req.url).searchParams),
    );
    const compiled = await service.explain(auth, query);
    if (!compiled)
      throw new HttpProblem(404, `the ${service.store.kind} store computes KPIs in memory; it runs no SQL`);
    return c.json({ metric: query.metric, dialect: service.store.kind, sql: compiled.sql, params: compiled.params });
  });

  app.post("/v1/query", async (c) => {
    const auth = c.get("auth");
    const body = await jsonBody(c);
    const queries = (body as { queries?: unknown } | null)?.queries;
    if (!Array.isArray(queries) || Object.keys(body as object).length !== 1) {
      throw new HttpProblem(422, 'send { "queries": [ … ] }: an array of queries, and nothing else', [
        { path: "queries", message: "an array of queries" },
      ]);
    }
    if (queries.length > MAX_BATCH_QUERIES)
      throw new HttpProblem(
        413,
        `a batch may hold at most ${MAX_BATCH_QUERIES} queries; this one has ${queries.length}`,
      );
    // Whatever befalls one query is an entry in its place: the batch's others still answer.
    const answer = async (q: unknown): Promise<{ result: string } | { error: string }> => {
      // Each query starts in a turn of the event loop of its own: planning a batch's queries would
      // otherwise run in one go, and hold a health check or a cached answer for all of them.
      await new Promise((resolve) => setTimeout(resolve, 0));
      try {
        return { result: (await service.result(auth, await service.authorize(auth, parseQuery(q)))).body };
      } catch (e) {
        return { error: JSON.stringify(toProblem(e).body) };
      }
    };
    const entry = (a: { result: string } | { error: string }) => ("result" in a ? a.result : `{"error":${a.error}}`);
    if (wantsLines(c.req.header("accept"))) {
      // Each answer as soon as it is ready, one JSON line naming its query's index: a page shows
      // every KPI as it arrives, and no KPI waits for the batch's slowest.
      c.header("Content-Type", NDJSON);
      c.header("Cache-Control", "private, no-store");
      return streamBody(c, async (out) => {
        await Promise.all(
          queries.map(async (q, index) => {
            const a = await answer(q);
            await out.write(`{"index":${index},${"result" in a ? `"result":${a.result}` : `"error":${a.error}`}}\n`);
          }),
        );
      });
    }
    const results = await Promise.all(queries.map(answer));
    return respond(c, `{"results":[${results.map(entry).join(",")}]}`, 200, {
      "Content-Type": "application/json",
      "Cache-Control": "private, no-store",
    });
  });

  app.get("/v1/metrics/:id/stream", async (c) => {
    const auth = c.get("auth");
    const query = await service.authorize(
      auth,
      queryFromSearchParams(c.req.param("id"), new URL(c.req.url).searchParams),
    );
    await service.result(auth, query); // a bad query fails here, as a problem, before the stream opens
    const store = service.store;
    const deadline = Math.min(Date.now() + stream.maxMs, auth.expiresAt ?? Infinity);
    return streamSSE(c, async (sse) => {
      let wake: (() => void) | undefined;
      let open = true;
      const unsubscribe = store.onChange(auth.tenant.id, () => wake?.());
      sse.onAbort(() => {
        open = false;
        wake?.();
      });
      let sent = "";
      let lastBeat = Date.now();
      try {
        while (open && Date.now() < deadline) {
          const { etag, body } = await service.result(auth, query);
          if (etag !== sent) {
            await sse.writeSSE({ event: "result", id: etag, data: body });
            sent = etag;
            lastBeat = Date.now();
          } else if (Date.now() - lastBeat >= stream.heartbeatMs) {
            await sse.write(": ping\n\n");
            lastBeat = Date.now();
          }
          await new Promise<void>((resolve) => {
            // Wake for whichever comes first: the next poll, the next heartbeat, the deadline.
            const timer = setTimeout(
              resolve,
              Math.max(0, Math.min(stream.pollMs, stream.heartbeatMs - (Date.now() - lastBeat), deadline - Date.now())),
            );
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
      } finally {
        unsubscribe();
      }
    });
  });

  return app;
}

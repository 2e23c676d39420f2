// Reading KPIs: one query from URL parameters, a batch in one request, a live stream, the SQL.
import { createRoute } from "@hono/zod-openapi";
import {
  COMPARES,
  GRAINS,
  MAX_BATCH_QUERIES,
  parseQuery,
  querySchema,
  queryFromSearchParams,
  RANGE_PRESETS,
} from "@kpikit/core";
import type { Context } from "hono";
import { stream as streamBody, streamSSE } from "hono/streaming";
import { z } from "zod";
import type { AppEnv } from "../context.js";
import { respond } from "../middleware/headers.js";
import { jsonBody } from "../middleware/json-body.js";
import {
  bearer,
  checkedByHandler,
  json,
  metricIdParam,
  problems,
  resource,
  result,
  secretOnly,
  sqlStatementSchema,
} from "../openapi.js";
import { HttpProblem, problemSchema, toProblem } from "../problem.js";
import type { KpiService } from "../service.js";

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

/** A query's URL parameters, as queryFromSearchParams reads them. */
const metricQuery = {
  params: z.object({ id: metricIdParam }),
  query: z.object({
    range: z
      .string()
      .optional()
      .meta({
        description: `${RANGE_PRESETS.join(", ")}, or YYYY-MM-DD..YYYY-MM-DD (end exclusive)`,
        example: "last_30_days",
      }),
    grain: z.enum(GRAINS).optional(),
    tz: z.string().optional().meta({ description: "IANA time zone (default: the tenant's)", example: "Europe/Moscow" }),
    compare: z.enum(COMPARES).optional(),
    by: z.string().optional().meta({ description: "a dimension to split by" }),
    now: z.string().optional().meta({ description: "overrides the current time (ISO 8601)" }),
    locale: z.string().optional().meta({ example: "zh-Hant" }),
    "filter.channel": z
      .string()
      .optional()
      .meta({ description: "filter.<dimension>=<value>, repeatable; any of the KPI's dimensions" }),
  }),
};

const metric = createRoute({
  method: "get",
  path: "/{id}",
  summary: "One KPI for a range: value, previous value, change, series, target, status",
  security: bearer,
  request: metricQuery,
  responses: {
    200: {
      description: "The result (ETag; Cache-Control: private)",
      content: json(result),
    },
    304: { description: "Not modified (If-None-Match matched)" },
    ...problems(400, 401, 403, 404, 429, 503),
  },
});

const live = createRoute({
  method: "get",
  path: "/{id}/stream",
  summary: "Server-sent events: a `result` event now and after every data change",
  security: bearer,
  request: metricQuery,
  responses: {
    200: { description: "text/event-stream", content: { "text/event-stream": { schema: z.string() } } },
    ...problems(400, 401, 403, 404, 429, 503),
  },
});

const sql = createRoute({
  ...secretOnly,
  method: "get",
  path: "/{id}/sql",
  summary: "The SQL statement a query runs (secret key: it shows the schema behind a KPI)",
  request: metricQuery,
  responses: {
    200: { description: "SQL and its parameters", content: json(sqlStatementSchema) },
    ...problems(400, 401, 403, 404),
  },
});

const batchResults = z.object({ results: z.array(z.union([result, z.object({ error: problemSchema })])) });

const batch = createRoute({
  method: "post",
  path: "/",
  summary:
    "A batch of queries in one request (a page of widgets makes one); " +
    "a bad query, or one past its time budget (503), gives an error entry in its place",
  description:
    "With `Accept: application/x-ndjson` the answers come one JSON line each, `{index, result}` or " +
    "`{index, error}`, as soon as each is ready: no KPI waits for the batch's slowest.",
  security: bearer,
  request: {
    body: { required: true, content: json(z.object({ queries: z.array(querySchema).max(MAX_BATCH_QUERIES) })) },
  },
  responses: {
    200: {
      description: "Results in the order of the queries (JSON), or as they are ready (NDJSON)",
      content: {
        ...json(batchResults),
        [NDJSON]: {
          schema: z.union([
            z.object({ index: z.number().int(), result }),
            z.object({ index: z.number().int(), error: problemSchema }),
          ]),
        },
      },
    },
    ...problems(400, 401, 413, 415, 422, 429),
  },
});

export function metricRoutes(service: KpiService, stream: StreamOptions) {
  const router = resource();

  router.openapi(checkedByHandler(router, metric), async (c) => {
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

  router.openapi(checkedByHandler(router, live), async (c) => {
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

  router.openapi(checkedByHandler(router, sql), async (c) => {
    const auth = c.get("auth");
    const query = await service.authorize(
      auth,
      queryFromSearchParams(c.req.param("id"), new URL(c.req.url).searchParams),
    );
    const explained = await service.explain(auth, query);
    if (!explained)
      throw new HttpProblem(404, `the ${service.store.kind} store computes KPIs in memory; it runs no SQL`);
    return c.json(explained, 200);
  });

  return router;
}

export function queryRoutes(service: KpiService) {
  const router = resource();

  const answerBatch = async (c: Context<AppEnv>): Promise<Response> => {
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
  };

  // Results come serialized (the cache keeps them so) and are written as they are, not rebuilt by
  // c.json: the body is the route's 200 by construction, which its type cannot follow.
  router.openapi(checkedByHandler(router, batch), async (c) => (await answerBatch(c)) as never);

  return router;
}

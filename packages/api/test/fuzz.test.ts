// Fuzzing the whole API with fast-check: whatever arrives (query strings, headers, bodies, near-
// valid records), the answer is a success or a 4xx problem+json, never a 5xx and never a hang.
import { catalog, factNames } from "@kpikit/core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture } from "../../core/test/support/fixture.js";
import { type Harness, harness, load } from "./support/harness.js";

/** Cases per property: 11 000 requests in all, times KPIKIT_FUZZ_SCALE (bench/api runs 100 000+). */
const SCALE = Number(process.env.KPIKIT_FUZZ_SCALE ?? 1);
const RUNS = { query: 4000 * SCALE, body: 4000 * SCALE, headers: 2000 * SCALE, raw: 1000 * SCALE };
const HANG_MS = 5000;

const ids = catalog.map((d) => d.id);
const metric = fc.oneof(
  { arbitrary: fc.constantFrom(...ids), weight: 6 },
  { arbitrary: fc.constantFrom("nope", "", "aov/sql", "..", "%00"), weight: 1 },
  { arbitrary: fc.string({ maxLength: 70 }), weight: 1 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }), weight: 1 },
);
const paramKey = fc.oneof(
  fc.constantFrom(
    "range",
    "grain",
    "tz",
    "compare",
    "by",
    "now",
    "locale",
    "filter.channel",
    "filter.visitor",
    "filter.sku",
    "filter.",
    "filter.__proto__",
    "__proto__",
    "constructor",
  ),
  fc.string({ maxLength: 20 }),
);
const paramValue = fc.oneof(
  fc.constantFrom(
    "last_7_days",
    "today",
    "ytd",
    "2026-01-01..2026-02-01",
    "2026-02-30..2026-03-01",
    "0001-01-01..9999-12-31",
    "day",
    "hour",
    "week",
    "UTC",
    "Europe/Moscow",
    "Mars/Base",
    "previous_year",
    "none",
    "web",
    "new",
    "",
    "2026-03-10T00:00:00Z",
    "zh-Hant",
    "x".repeat(300),
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);
/** Mostly well-formed parameters in odd combinations (zones, grains, filters, splits), some garbage. */
const validParam = fc.oneof(
  fc.tuple(
    fc.constant("range"),
    fc.constantFrom(
      "today",
      "yesterday",
      "last_7_days",
      "last_28_days",
      "last_90_days",
      "mtd",
      "qtd",
      "ytd",
      "last_month",
      "last_year",
      "2026-02-27..2026-03-10",
      "2025-10-20..2025-11-05",
    ),
  ),
  fc.tuple(fc.constant("grain"), fc.constantFrom("hour", "day", "week", "month", "quarter", "year")),
  fc.tuple(
    fc.constant("tz"),
    fc.constantFrom(
      "UTC",
      "America/New_York",
      "Asia/Shanghai",
      "Australia/Lord_Howe",
      "America/Santiago",
      "Asia/Kolkata",
    ),
  ),
  fc.tuple(fc.constant("compare"), fc.constantFrom("previous_period", "previous_year", "none")),
  fc.tuple(
    fc.constantFrom(
      "filter.channel",
      "filter.region",
      "filter.source",
      "filter.visitor",
      "filter.product",
      "filter.reason",
      "filter.category",
    ),
    fc.constantFrom("web", "app", "EU", "US", "organic", "new", "p1", "quality", "product"),
  ),
  fc.tuple(
    fc.constant("by"),
    fc.constantFrom(
      "channel",
      "region",
      "source",
      "visitor",
      "product",
      "reason",
      "category",
      "agent",
      "kind",
      "sku",
      "line",
    ),
  ),
  fc.tuple(fc.constant("locale"), fc.constantFrom("en", "ru", "ms", "zh-Hans", "zh-Hant", "de-DE", "zh-TW")),
);
const queryString = fc
  .array(fc.oneof({ arbitrary: validParam, weight: 4 }, { arbitrary: fc.tuple(paramKey, paramValue), weight: 1 }), {
    maxLength: 6,
  })
  .map((pairs) => new URLSearchParams(pairs).toString());

const fieldValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom("2026-03-01T10:00:00Z", "2026-03-01", "placed", "cancelled", "web", -1, 0, 1e308, 3.5, true, null),
);
const nearRecord = fc.dictionary(
  fc.constantFrom(
    "id",
    "placedAt",
    "customerId",
    "total",
    "items",
    "status",
    "lines",
    "startedAt",
    "source",
    "kind",
    "score",
    "metric",
    "start",
    "end",
    "value",
    "extra",
  ),
  fieldValue,
  { maxKeys: 10 },
);
const nearQuery = fc.dictionary(
  fc.constantFrom("metric", "range", "grain", "tz", "compare", "filters", "by", "now", "locale"),
  fc.oneof(paramValue, metric, fc.jsonValue({ maxDepth: 2 })),
);
const nearDefinition = fc.record(
  {
    kind: fc.constantFrom("measure", "ratio", "derived", "x"),
    labels: fc.jsonValue({ maxDepth: 1 }),
    unit: paramValue,
    better: paramValue,
    expr: fc.string(),
    measure: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({ records: fc.array(nearRecord, { maxLength: 20 }) }),
  fc.record({ queries: fc.array(nearQuery, { maxLength: 5 }) }),
  fc.record(
    {
      csv: fc.string({ maxLength: 200 }),
      preset: fc.constantFrom("shopify", "x"),
      mapping: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    { metrics: fc.array(metric, { maxLength: 3 }), filters: fc.jsonValue({ maxDepth: 2 }), ttlSeconds: fc.integer() },
    { requiredKeys: [] },
  ),
  nearDefinition,
  // Previews: catalog KPIs (valid, so computed) and near-definitions, with near-queries.
  fc.record(
    {
      definition: fc.oneof(
        fc.constantFrom(...catalog),
        fc.tuple(metric, nearDefinition).map(([id, d]) => ({ id, ...d })),
      ),
      query: nearQuery,
    },
    { requiredKeys: [] },
  ),
);
const route = fc.oneof(
  fc.constantFrom(...factNames.map((f) => ["POST", `/v1/events/${f}`] as const)),
  fc.constantFrom(
    ["POST", "/v1/query"] as const,
    ["POST", "/v1/import"] as const,
    ["POST", "/v1/import/preview"] as const,
    ["PUT", "/v1/targets"] as const,
    ["POST", "/v1/tokens"] as const,
    ["PUT", "/v1/settings"] as const,
    ["POST", "/v1/keys"] as const,
    ["POST", "/v1/definitions/preview"] as const,
  ),
  metric.map((m) => ["PUT", `/v1/definitions/${encodeURIComponent(m)}`] as const),
  fc.string({ maxLength: 12 }).map((f) => ["POST", `/v1/events/${encodeURIComponent(f)}`] as const),
);

describe("fuzzing", () => {
  let h: Harness;
  /** Statuses seen, per property: the fuzzing must reach the handlers, not only bounce off. */
  const seen = new Map<string, Map<number, number>>();
  const tally = (property: string, status: number) => {
    const m = seen.get(property) ?? new Map<number, number>();
    m.set(status, (m.get(status) ?? 0) + 1);
    seen.set(property, m);
  };
  beforeAll(async () => {
    const loose = { burst: 1e9, perSecond: 1e9 };
    h = await harness("sqlite", { rateLimits: { secret: loose, publishable: loose, token: loose } });
    await load(h.app, h.a.secret, fixture);
  });
  afterAll(async () => {
    await h.close();
    // Each property got past validation to real work at least sometimes.
    for (const property of ["query", "body", "headers"])
      expect(
        [...(seen.get(property)?.keys() ?? [])].some((s) => s < 300),
        property,
      ).toBe(true);
    console.log(
      "fuzzing statuses:",
      Object.fromEntries([...seen].map(([p, m]) => [p, Object.fromEntries([...m].sort((a, b) => a[0] - b[0]))])),
    );
  });

  async function send(method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}) {
    const res = await Promise.race([
      h.app.request(path, {
        method,
        headers: init.headers ?? {},
        ...(init.body !== undefined ? { body: init.body } : {}),
      }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`hung: ${method} ${path}`)), HANG_MS)),
    ]);
    const text = await res.text();
    if (res.status >= 500) throw new Error(`${res.status} for ${method} ${path}: ${text.slice(0, 300)}`);
    if (res.status >= 400) {
      expect(res.headers.get("content-type"), `${method} ${path}`).toBe("application/problem+json");
      const problem = JSON.parse(text) as { status: number; detail: string };
      expect(problem.status).toBe(res.status);
      expect(problem.detail.length).toBeGreaterThan(0);
    }
    return res.status;
  }

  // Thousands of KPI computations: on a busy two-core machine (every suite at once), past 30 s.
  it(`answers ${RUNS.query} random metric queries with no 5xx`, async () => {
    await fc.assert(
      fc.asyncProperty(metric, queryString, fc.constantFrom("", "/sql"), async (m, qs, suffix) => {
        tally(
          "query",
          await send("GET", `/v1/metrics/${encodeURIComponent(m)}${suffix}?${qs}`, {
            headers: { Authorization: `Bearer ${h.a.secret}` },
          }),
        );
      }),
      { numRuns: RUNS.query },
    );
  }, 120_000);

  it(`answers ${RUNS.body} random bodies on every write route with no 5xx`, async () => {
    await fc.assert(
      fc.asyncProperty(route, body, async ([method, path], b) => {
        tally(
          "body",
          await send(method, path, {
            headers: { Authorization: `Bearer ${h.a.secret}`, "Content-Type": "application/json" },
            body: JSON.stringify(b),
          }),
        );
      }),
      { numRuns: RUNS.body },
    );
  });

  it(`answers ${RUNS.headers} random headers with no 5xx`, async () => {
    const header = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom(
        `Bearer ${"a".repeat(5000)}`,
        "Bearer a.b.c",
        "Bearer eyJhbGciOiJub25lIn0.e30.",
        "bearer  kpi_sk_",
        "*",
        'W/"x", *',
      ),
    );
    const credential = fc.oneof(
      {
        arbitrary: fc.constantFrom(`Bearer ${h.a.secret}`, `Bearer ${h.a.publishable}`, `Bearer ${h.b.secret}`),
        weight: 3,
      },
      { arbitrary: header, weight: 1 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            Authorization: credential,
            "Content-Type": fc.oneof(fc.constant("application/json"), header),
            "If-None-Match": header,
            Origin: fc.oneof(fc.constantFrom("https://shop.example", "null"), header),
          },
          { requiredKeys: [] },
        ),
        fc.constantFrom(
          ["GET", "/v1/metrics/aov?range=last_7_days"],
          ["POST", "/v1/query"],
          ["POST", "/v1/events/orders"],
          ["GET", "/v1/catalog"],
          ["OPTIONS", "/v1/query"],
        ),
        async (headers, [method, path]) => {
          const clean = Object.fromEntries(Object.entries(headers).filter(([, v]) => /^[\t\x20-\x7e]*$/.test(v)));
          tally(
            "headers",
            await send(method!, path!, { headers: clean, ...(method === "POST" ? { body: '{"queries":[]}' } : {}) }),
          );
        },
      ),
      { numRuns: RUNS.headers },
    );
  });

  it(`answers ${RUNS.raw} raw, non-JSON bodies with no 5xx`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 })),
        fc.constantFrom("application/json", "text/csv", "text/plain", ""),
        route,
        async (raw, type, [method, path]) => {
          tally(
            "raw",
            await send(method, path, {
              headers: { Authorization: `Bearer ${h.a.secret}`, ...(type ? { "Content-Type": type } : {}) },
              body: raw,
            }),
          );
        },
      ),
      { numRuns: RUNS.raw },
    );
  });
});

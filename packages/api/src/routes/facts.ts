// What data a tenant has sent: for each fact, how many records, over which times, and when they
// last changed, so that a console can show what is loaded without computing any KPI.
import { createRoute } from "@hono/zod-openapi";
import { factNames } from "@kpikit/core";
import { z } from "zod";
import { json, problems, resource, secretOnly } from "../openapi.js";
import type { Store } from "../store/types.js";

const factSummary = z.object({
  fact: z.enum(factNames.filter((f) => f !== "targets")),
  records: z.number().int(),
  first: z
    .string()
    .nullable()
    .meta({
      description:
        "the fact's own time (orders: placedAt, sessions: startedAt, …) of its earliest record, as an ISO instant " +
        "in UTC, or a date for a fact placed by date (adSpend); null without records",
      example: "2026-01-01T09:30:00.000Z",
    }),
  last: z.string().nullable().meta({ description: "as first, of its latest record" }),
  lastIngestAt: z.string().nullable().meta({
    description: "when the tenant's records of this fact last changed (ISO, UTC); null if they never did",
  }),
});

const summary = createRoute({
  ...secretOnly,
  method: "get",
  path: "/",
  summary: "The tenant's data: for each fact, its records, their first and last time, and its last ingest",
  description: "Targets are not among the facts: `GET /v1/targets` lists them.",
  responses: {
    200: { description: "One entry per fact", content: json(z.object({ facts: z.array(factSummary) })) },
    ...problems(401, 403),
  },
});

export function factRoutes(store: Store) {
  const router = resource();
  router.openapi(summary, async (c) => c.json({ facts: await store.factsSummary(c.get("auth").tenant.id) }, 200));
  return router;
}

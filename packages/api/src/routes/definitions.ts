// A tenant's own KPIs and its targets. A definition is checked against the catalog and the
// tenant's other definitions before it is stored: a broken one, or one that breaks another, is
// refused. A definition can also be tried without storing it: its preview is a query's result and SQL.
import { createRoute } from "@hono/zod-openapi";
import {
  type DefinitionInput,
  definitionSchema,
  KpiError,
  metricIdSchema,
  querySchema,
  targetSchema,
  validateBatch,
} from "@kpikit/core";
import { z } from "zod";
import { jsonBody, MAX_RECORDS } from "../middleware/json-body.js";
import {
  checkedByHandler,
  json,
  metricIdParam,
  problems,
  resource,
  result,
  secretOnly,
  sqlStatementSchema,
} from "../openapi.js";
import { HttpProblem } from "../problem.js";
import type { KpiService } from "../service.js";

/** Definitions are stored as their tenants sent them: fields left out take the schema's defaults when read. */
const storedDefinition: z.ZodType<DefinitionInput> = definitionSchema;

const listDefinitions = createRoute({
  ...secretOnly,
  method: "get",
  path: "/",
  summary: "The tenant's own KPI definitions",
  responses: {
    200: { description: "Definitions", content: json(z.object({ definitions: z.array(storedDefinition) })) },
    ...problems(401, 403),
  },
});

const getDefinition = createRoute({
  ...secretOnly,
  method: "get",
  path: "/{id}",
  summary: "The definition a KPI id has for the tenant: its own, or else the built-in one (to start an override from)",
  request: { params: z.object({ id: metricIdParam }) },
  responses: {
    200: {
      description: "The definition, and whether it is the built-in one",
      content: json(
        z.object({
          definition: storedDefinition,
          builtIn: z.boolean().meta({ description: "true: the catalog's; false: the tenant's own" }),
        }),
      ),
    },
    ...problems(401, 403, 404),
  },
});

const definitionVersions = createRoute({
  ...secretOnly,
  method: "get",
  path: "/{id}/versions",
  summary: "Every version of a KPI of the tenant's, newest first: each saving, and each deletion",
  description:
    "A definition stored before the API kept versions is its first recorded version, with no time. A built-in " +
    "KPI the tenant never redefined has none; an id nobody defined is a 404.",
  request: { params: z.object({ id: metricIdParam }) },
  responses: {
    200: {
      description: "The versions, newest first",
      content: json(
        z.object({
          versions: z.array(
            z.object({
              version: z
                .number()
                .int()
                .meta({ description: "the definition's version (a deletion's: the one deleted)" }),
              definition: storedDefinition.meta({ description: "as stored (a deletion's: the one deleted)" }),
              savedAt: z.iso
                .datetime()
                .nullable()
                .meta({ description: "when it was saved; null if before the API kept versions" }),
              deleted: z.boolean().meta({ description: "true: this version is the definition's deletion" }),
            }),
          ),
        }),
      ),
    },
    ...problems(401, 403, 404),
  },
});

const putDefinition = createRoute({
  ...secretOnly,
  method: "put",
  path: "/{id}",
  summary: "Create or replace a KPI of the tenant's (it may redefine a built-in id)",
  request: { params: z.object({ id: metricIdParam }), body: { required: true, content: json(definitionSchema) } },
  responses: { 200: { description: "Replaced" }, 201: { description: "Created" }, ...problems(401, 403, 415, 422) },
});

const previewDefinition = createRoute({
  ...secretOnly,
  method: "post",
  path: "/preview",
  summary: "A definition tried without storing it: a query's result and SQL with it (a dry run of PUT)",
  description:
    "The definition is checked as `PUT /v1/definitions/{id}` checks it, and refused with the same 422 errors; " +
    "it may refer to the tenant's other KPIs and redefine a built-in id. The query is that of " +
    "`GET /v1/metrics/{id}` with the definition's id as its KPI. Nothing is stored.",
  request: {
    body: {
      required: true,
      content: json(
        z.object({
          definition: definitionSchema,
          query: querySchema
            .omit({ metric: true })
            .optional()
            .meta({ description: "a query's fields but its metric (default: the last 30 days)" }),
        }),
      ),
    },
  },
  responses: {
    200: {
      description: "The definition as it would be stored, the query's result with it, and its SQL",
      content: json(
        z.object({
          definition: definitionSchema,
          result,
          sql: sqlStatementSchema.nullable().meta({ description: "null on a store that computes in memory" }),
        }),
      ),
    },
    ...problems(400, 401, 403, 413, 415, 422),
  },
});

const deleteDefinition = createRoute({
  ...secretOnly,
  method: "delete",
  path: "/{id}",
  summary: "Delete a KPI of the tenant's",
  request: { params: z.object({ id: metricIdParam }) },
  responses: { 204: { description: "Deleted" }, ...problems(401, 403, 404, 409) },
});

const listTargets = createRoute({
  ...secretOnly,
  method: "get",
  path: "/",
  summary: "The tenant's targets, of one KPI or all, by KPI then start",
  request: {
    query: z.strictObject({
      metric: metricIdSchema.optional().meta({ description: "only this KPI's targets", example: "revenue" }),
    }),
  },
  responses: {
    200: { description: "Targets", content: json(z.object({ targets: z.array(targetSchema) })) },
    ...problems(400, 401, 403),
  },
});

const putTargets = createRoute({
  ...secretOnly,
  method: "put",
  path: "/",
  summary: "Create or revise targets by id",
  request: { body: { required: true, content: json(z.object({ targets: z.array(targetSchema).max(MAX_RECORDS) })) } },
  responses: {
    200: {
      description: "Stored",
      content: json(z.object({ received: z.number(), inserted: z.number(), updated: z.number() })),
    },
    ...problems(401, 403, 413, 415, 422),
  },
});

const PREVIEW_BODY = 'send { "definition": { … }, "query": { "range": … } }, and nothing else';

/** A JSON object as sent, or the 422 `detail` (naming `path`, if given) says what to send instead. */
function jsonObject(value: unknown, detail: string, path?: string): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new HttpProblem(422, detail, path ? [{ path, message: "a JSON object" }] : undefined);
  return value as Record<string, unknown>;
}

export function definitionRoutes(service: KpiService) {
  const router = resource();
  const store = service.store;

  router.openapi(listDefinitions, async (c) =>
    c.json({ definitions: await store.listDefinitions(c.get("auth").tenant.id) }, 200),
  );

  router.openapi(getDefinition, async (c) => {
    const { id } = c.req.valid("param");
    const own = (await store.listDefinitions(c.get("auth").tenant.id)).find((d) => d.id === id);
    if (own) return c.json({ definition: own, builtIn: false }, 200);
    const builtIn = service.builtIn().get(id)?.definition;
    if (!builtIn) throw new HttpProblem(404, `there is no KPI "${id}"`);
    return c.json({ definition: builtIn, builtIn: true }, 200);
  });

  router.openapi(definitionVersions, async (c) => {
    const { id } = c.req.valid("param");
    const versions = await store.definitionVersions(c.get("auth").tenant.id, id);
    if (!versions.length && !service.builtIn().has(id)) throw new HttpProblem(404, `there is no KPI "${id}"`);
    return c.json({ versions }, 200);
  });

  router.openapi(checkedByHandler(router, putDefinition), async (c) => {
    const tenant = c.get("auth").tenant.id;
    const id = c.req.param("id");
    const given: Partial<DefinitionInput> = jsonObject(await jsonBody(c), "send the definition as a JSON object");
    if (given.id !== undefined && given.id !== id)
      throw new HttpProblem(422, `the body's id (${String(given.id)}) differs from the URL's (${id})`, [
        { path: "id", message: "id mismatch" },
      ]);
    const { stored, compiled, replaces } = await service.checkDefinition(tenant, { ...given, id } as DefinitionInput);
    await store.putDefinition(tenant, stored, service.now());
    return c.json({ definition: compiled.definition, created: !replaces }, replaces ? 200 : 201);
  });

  router.openapi(checkedByHandler(router, previewDefinition), async (c) => {
    const { definition, query = {}, ...rest } = jsonObject(await jsonBody(c), PREVIEW_BODY);
    if (Object.keys(rest).length)
      throw new HttpProblem(
        422,
        PREVIEW_BODY,
        Object.keys(rest).map((path) => ({ path, message: "not a field of a preview" })),
      );
    const asked = jsonObject(query, 'send the query as a JSON object in "query"', "query");
    if ("metric" in asked)
      throw new HttpProblem(400, "a preview's query is of its definition: leave its metric out", [
        { path: "metric", message: "not a field of a preview's query" },
      ]);
    const candidate = jsonObject(definition, 'send the definition as a JSON object in "definition"', "definition");
    return c.json(await service.preview(c.get("auth"), candidate as DefinitionInput, asked), 200);
  });

  router.openapi(deleteDefinition, async (c) => {
    const tenant = c.get("auth").tenant.id;
    const { id } = c.req.valid("param");
    const own = await store.listDefinitions(tenant);
    if (!own.some((d) => d.id === id))
      throw new HttpProblem(
        404,
        `this tenant has no definition "${id}"${service.builtIn().has(id) ? "; built-in KPIs cannot be deleted" : ""}`,
      );
    const rest = service.builtIn().with(own.filter((d) => d.id !== id));
    for (const d of own.filter((d) => d.id !== id)) {
      try {
        rest.require(d.id);
      } catch (e) {
        if (e instanceof KpiError) throw new HttpProblem(409, `${d.id} refers to ${id}; change or delete it first`);
        throw e;
      }
    }
    await store.deleteDefinition(tenant, id, service.now());
    return c.body(null, 204);
  });

  return router;
}

export function targetRoutes(service: KpiService) {
  const router = resource();

  router.openapi(listTargets, async (c) =>
    c.json({ targets: await service.store.listTargets(c.get("auth").tenant.id, c.req.valid("query").metric) }, 200),
  );

  router.openapi(checkedByHandler(router, putTargets), async (c) => {
    const body = await jsonBody(c);
    const targets = (body as { targets?: unknown } | null)?.targets;
    if (!Array.isArray(targets))
      throw new HttpProblem(422, 'send { "targets": [ … ] }', [{ path: "targets", message: "an array of targets" }]);
    if (targets.length > MAX_RECORDS)
      throw new HttpProblem(413, `at most ${MAX_RECORDS} targets at a time; this request has ${targets.length}`);
    const { records, errors } = validateBatch("targets", targets);
    if (errors.length)
      throw new HttpProblem(
        422,
        `${new Set(errors.map((e) => e.index)).size} of ${targets.length} targets are invalid; nothing was written`,
        errors,
      );
    const registry = await service.registry(c.get("auth").tenant.id);
    // With no invalid record, records[i] is the parsed targets[i].
    const unknown = records.flatMap((t, index) =>
      registry.has(t.metric) ? [] : [{ index, id: t.id, field: "metric", reason: `there is no KPI "${t.metric}"` }],
    );
    if (unknown.length) throw new HttpProblem(422, "targets name KPIs that do not exist; nothing was written", unknown);
    const { inserted, duplicates } = await service.store.putTargets(c.get("auth").tenant.id, records, service.now());
    return c.json({ received: records.length, inserted, updated: duplicates }, 200);
  });

  return router;
}

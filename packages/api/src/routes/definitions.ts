// A tenant's own KPIs and its targets. A definition is checked against the catalog and the
// tenant's other definitions before it is stored: a broken one, or one that breaks another, is refused.
import { createRoute } from "@hono/zod-openapi";
import {
  compileDefinition,
  type DefinitionInput,
  definitionSchema,
  KpiError,
  targetSchema,
  validateBatch,
} from "@kpikit/core";
import { z } from "zod";
import { jsonBody, MAX_RECORDS } from "../middleware/json-body.js";
import { checkedByHandler, json, metricIdParam, problems, resource, secretOnly } from "../openapi.js";
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

const putDefinition = createRoute({
  ...secretOnly,
  method: "put",
  path: "/{id}",
  summary: "Create or replace a KPI of the tenant's (it may redefine a built-in id)",
  request: { params: z.object({ id: metricIdParam }), body: { required: true, content: json(definitionSchema) } },
  responses: { 200: { description: "Replaced" }, 201: { description: "Created" }, ...problems(401, 403, 415, 422) },
});

const deleteDefinition = createRoute({
  ...secretOnly,
  method: "delete",
  path: "/{id}",
  summary: "Delete a KPI of the tenant's",
  request: { params: z.object({ id: metricIdParam }) },
  responses: { 204: { description: "Deleted" }, ...problems(401, 403, 404, 409) },
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

export function definitionRoutes(service: KpiService) {
  const router = resource();
  const store = service.store;

  router.openapi(listDefinitions, async (c) =>
    c.json({ definitions: await store.listDefinitions(c.get("auth").tenant.id) }, 200),
  );

  router.openapi(checkedByHandler(router, putDefinition), async (c) => {
    const tenant = c.get("auth").tenant.id;
    const id = c.req.param("id");
    const body = await jsonBody(c);
    if (body === null || typeof body !== "object" || Array.isArray(body))
      throw new HttpProblem(422, "send the definition as a JSON object");
    const given = body as Partial<DefinitionInput>;
    if (given.id !== undefined && given.id !== id)
      throw new HttpProblem(422, `the body's id (${String(given.id)}) differs from the URL's (${id})`, [
        { path: "id", message: "id mismatch" },
      ]);
    const own = await store.listDefinitions(tenant);
    const previous = own.find((d) => d.id === id) ?? service.builtIn().get(id)?.definition;
    const definition = {
      ...given,
      id,
      version: given.version ?? (previous ? (previous.version ?? 1) + 1 : 1),
    } as DefinitionInput;
    const registry = service.builtIn().with([...own.filter((d) => d.id !== id), definition]);
    // Compile this KPI, then every one of the tenant's, so that a change cannot break a dependent.
    const compiled = compileDefinition(definition, (ref) => registry.get(ref));
    for (const d of own) registry.require(d.id);
    await store.putDefinition(tenant, definition);
    return c.json(
      { definition: compiled.definition, created: !own.some((d) => d.id === id) },
      own.some((d) => d.id === id) ? 200 : 201,
    );
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
    await store.deleteDefinition(tenant, id);
    return c.body(null, 204);
  });

  return router;
}

export function targetRoutes(service: KpiService) {
  const router = resource();

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
    const { inserted, duplicates } = await service.store.putTargets(c.get("auth").tenant.id, records);
    return c.json({ received: records.length, inserted, updated: duplicates }, 200);
  });

  return router;
}

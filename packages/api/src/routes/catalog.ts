// The KPIs a credential can read, labelled in the requested locale.
import { createRoute } from "@hono/zod-openapi";
import { catalogLocale, dimensionTexts, domainTexts } from "@kpikit/core";
import { z } from "zod";
import { bearer, json, problems, resource } from "../openapi.js";
import type { KpiService } from "../service.js";

const labelled = z.array(z.object({ id: z.string(), label: z.string() }));

const catalog = createRoute({
  method: "get",
  path: "/",
  summary: "The KPIs this credential can read, labelled in a locale",
  security: bearer,
  request: {
    query: z.object({
      locale: z
        .string({ error: "locale may be given once" })
        .optional()
        .meta({ description: "labels fall back to the closest of the catalog's locales", example: "zh-Hant" }),
    }),
  },
  responses: {
    200: {
      description: "The catalog",
      content: json(
        z.object({
          locale: z.string(),
          metrics: z.array(z.record(z.string(), z.unknown())),
          dimensions: labelled,
          domains: labelled,
        }),
      ),
    },
    ...problems(400, 401, 429),
  },
});

export function catalogRoutes(service: KpiService) {
  const router = resource();
  router.openapi(catalog, async (c) => {
    const auth = c.get("auth");
    const locale = catalogLocale(c.req.valid("query").locale);
    const registry = await service.registry(auth.tenant.id);
    // Built in: a catalog KPI the tenant has not redefined. (The registry compiles every KPI anew
    // once the tenant has any of its own, so the compiled objects cannot tell.)
    const own = new Set((await service.store.listDefinitions(auth.tenant.id)).map((d) => d.id));
    const metrics = registry
      .all()
      .filter((m) => !auth.metrics || auth.metrics.includes(m.definition.id))
      .map(({ definition: d, dimensions, additive }) => ({
        id: d.id,
        label: d.labels[locale] ?? d.labels.en,
        description: d.descriptions?.[locale] ?? d.descriptions?.en ?? null,
        domain: d.domain,
        kind: d.kind,
        unit: d.unit,
        ...(d.unit === "currency" ? { currency: d.currency ?? auth.tenant.currency } : {}),
        better: d.better,
        version: d.version,
        dimensions,
        additive,
        thresholds: d.thresholds ?? null,
        builtIn: service.builtIn().has(d.id) && !own.has(d.id),
        public: auth.tenant.publicMetrics.includes(d.id),
      }));
    return c.json(
      {
        locale,
        metrics,
        dimensions: Object.entries(dimensionTexts).map(([id, t]) => ({ id, label: t[locale] })),
        domains: Object.entries(domainTexts).map(([id, t]) => ({ id, label: t[locale] })),
      },
      200,
    );
  });
  return router;
}

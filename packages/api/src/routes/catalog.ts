// The KPIs a credential can read, labelled in the requested locale.
import { catalogLocale, dimensionTexts, domainTexts } from "@kpikit/core";
import { Hono } from "hono";
import type { AppEnv } from "../context.js";
import type { KpiService } from "../service.js";

export function catalogRoutes(service: KpiService) {
  const app = new Hono<AppEnv>();
  app.get("/v1/catalog", async (c) => {
    const auth = c.get("auth");
    const locale = catalogLocale(c.req.query("locale"));
    const registry = await service.registry(auth.tenant.id);
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
        builtIn: service.builtIn().get(d.id)?.definition === d,
        public: auth.tenant.publicMetrics.includes(d.id),
      }));
    return c.json({
      locale,
      metrics,
      dimensions: Object.entries(dimensionTexts).map(([id, t]) => ({ id, label: t[locale] })),
      domains: Object.entries(domainTexts).map(([id, t]) => ({ id, label: t[locale] })),
    });
  });
  return app;
}

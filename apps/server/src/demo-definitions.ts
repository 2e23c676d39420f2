// The demo shop's own KPIs, defined as a tenant defines its own (PUT /v1/definitions): the funnel's
// middle step counts sessions with an add-to-cart, which the catalog has only as a rate.
import type { DefinitionInput } from "@kpikit/core";

export const DEMO_DEFINITIONS: readonly DefinitionInput[] = [
  {
    id: "cart_sessions",
    kind: "measure",
    unit: "count",
    better: "up",
    domain: "sales",
    labels: {
      en: "Sessions with an add-to-cart",
      ru: "Сеансы с добавлением в корзину",
      ms: "Sesi dengan tambahan ke troli",
      "zh-Hans": "加购会话",
      "zh-Hant": "加購工作階段",
    },
    measure: { fact: "sessions", agg: "count", where: "addedToCart" },
  },
];

import type { Result } from "@kpikit/core";

/** Whether a value has the parts of a result every widget reads (the API's or a page's `.data`). */
export function isResult(value: unknown): value is Result {
  if (!value || typeof value !== "object") return false;
  const r = value as Partial<Result>;
  return typeof r.metric === "object" && r.metric !== null && typeof r.metric.unit === "string" && Array.isArray(r.series) && "value" in r && typeof r.change === "object" && r.change !== null;
}

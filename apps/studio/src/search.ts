// The catalog's search: what the person types, word by word, in a KPI's label, id or description.
import type { CatalogMetric } from "./types.js";

/** Whether a KPI matches every word of the search, in its label, id or description (any case). */
export function matches(m: Pick<CatalogMetric, "id" | "label" | "description">, search: string): boolean {
  const text = `${m.label} ${m.id} ${m.description ?? ""}`.toLocaleLowerCase();
  return search
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(word));
}

// A definition's versions as GET /v1/definitions/:id/versions gives them, and what changed from one
// to the next, told by the fields that differ.
import type { DefinitionInput } from "@kpikit/core";

export interface DefinitionVersion {
  version: number;
  definition: DefinitionInput & { version?: number };
  /** ISO; null for a definition stored before the API kept its versions. */
  savedAt: string | null;
  deleted: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The fields in which two definitions differ, as dotted paths to the values that changed (a list is
 * one value), their versions aside: `measure.where`, `labels.en`.
 */
export function changedFields(older: unknown, newer: unknown, path = ""): string[] {
  if (!isObject(older) || !isObject(newer)) return JSON.stringify(older) === JSON.stringify(newer) ? [] : [path];
  const keys = [...new Set([...Object.keys(older), ...Object.keys(newer)])].filter(
    (k) => path !== "" || k !== "version",
  );
  return keys.flatMap((k) => changedFields(older[k], newer[k], path ? `${path}.${k}` : k));
}

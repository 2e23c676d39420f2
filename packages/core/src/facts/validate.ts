// Validation of a batch of facts, reporting every bad record by index, id, field and reason, so
// that a rejected batch can be fixed in one go. Nothing of a batch with a bad record is accepted.
import type { z } from "zod";
import { factModels } from "./model.js";
import { type FactName, type FactRecord, factSchemas } from "./schemas.js";

export interface RecordError {
  index: number;
  /** The record's id, when it has a usable one. */
  id?: string;
  /** The field at fault (`lines.0.quantity`), or `(record)` for the record as a whole. */
  field: string;
  reason: string;
}

export interface BatchValidation<F extends FactName> {
  records: FactRecord<F>[];
  errors: RecordError[];
}

/** How far ahead of now a fact's own timestamp may be (clock skew, not future data). */
const FUTURE_TOLERANCE_MS = 24 * 3_600_000;

function valueAt(record: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = record;
  for (const key of path)
    v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

function errorsOf(fact: FactName, index: number, record: unknown, issues: z.core.$ZodIssue[]): RecordError[] {
  const raw = (record as { id?: unknown } | null)?.id;
  const id = typeof raw === "string" && raw.length > 0 && raw.length <= 128 ? raw : undefined;
  const base = { index, ...(id !== undefined ? { id } : {}) };
  if (record === null || typeof record !== "object" || Array.isArray(record)) {
    return [{ ...base, field: "(record)", reason: `a record of ${fact} must be a JSON object` }];
  }
  return issues.flatMap((issue): RecordError[] => {
    const field = issue.path.join(".") || "(record)";
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((k) => ({
        ...base,
        field: [...issue.path, k].join("."),
        reason: `is not a field of ${fact}`,
      }));
    }
    if (issue.code === "invalid_type" && valueAt(record, issue.path) === undefined)
      return [{ ...base, field, reason: "is required" }];
    return [{ ...base, field, reason: issue.message }];
  });
}

/** Validates every record of a batch against its fact's schema. */
export function validateBatch<F extends FactName>(
  fact: F,
  records: readonly unknown[],
  now = Date.now(),
): BatchValidation<F> {
  const schema = factSchemas[fact] as unknown as z.ZodType<FactRecord<F>>;
  const timeField = factModels[fact].fields[factModels[fact].time]!;
  const valid: FactRecord<F>[] = [];
  const errors: RecordError[] = [];
  records.forEach((record, index) => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      errors.push(...errorsOf(fact, index, record, parsed.error.issues));
      return;
    }
    const time = (parsed.data as Record<string, unknown>)[timeField.name];
    if (timeField.kind === "timestamp" && Date.parse(time as string) > now + FUTURE_TOLERANCE_MS) {
      errors.push({
        index,
        id: (parsed.data as { id: string }).id,
        field: timeField.name,
        reason: "is more than a day in the future",
      });
      return;
    }
    valid.push(parsed.data);
  });
  return { records: errors.length ? [] : valid, errors };
}

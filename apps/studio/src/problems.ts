// The parts of an API problem the Studio shows where they belong: a definition's issues (a field's
// path, and for an expression the 1-based character where it stopped making sense) and an import's
// bad records (the file's line, the record's id, the field and the reason).
import { ApiError } from "./api.js";

export interface Issue {
  path: string;
  message: string;
  position?: number;
}

export interface RecordProblem {
  line?: number;
  id?: string;
  field: string;
  reason: string;
}

export function issuesOf(e: unknown): Issue[] {
  if (!(e instanceof ApiError)) return [];
  return e.errors.flatMap((x) =>
    typeof x.path === "string" && typeof x.message === "string"
      ? [{ path: x.path, message: x.message, ...(typeof x.position === "number" ? { position: x.position } : {}) }]
      : [],
  );
}

export function recordProblemsOf(e: unknown): RecordProblem[] {
  if (!(e instanceof ApiError)) return [];
  return e.errors.flatMap((x) =>
    typeof x.field === "string" && typeof x.reason === "string"
      ? [
          {
            field: x.field,
            reason: x.reason,
            ...(typeof x.line === "number" ? { line: x.line } : {}),
            ...(typeof x.id === "string" ? { id: x.id } : {}),
          },
        ]
      : [],
  );
}

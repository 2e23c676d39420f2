// @kpikit/api: the KPI Kit API as a Hono app, and its stores. Runtime-neutral: Node-only parts
// are in "@kpikit/api/node".
export { createApp, type App, type AppOptions } from "./app.js";
export type { AppEnv, Auth } from "./context.js";
export { KpiService } from "./service.js";
export type {
  Store,
  Tenant,
  ApiKey,
  SigningKey,
  KeyKind,
  IngestResult,
  RebuildStep,
  DataPart,
  DataVersions,
} from "./store/types.js";
export { SqlStore, storeSchema } from "./store/sql-store.js";
// A driver's interface is core's; writing one needs only this package.
export type { ReadOptions, SqlDriver, SqlStatement } from "@kpikit/core/sql";
export { MemoryStore } from "./store/memory-store.js";
export { d1Driver, type D1Like } from "./store/d1.js";
export { QueryTimeoutError, StoreUnavailableError } from "./store/unavailable.js";
export {
  HttpProblem,
  notFound,
  onError,
  problemBody,
  problemSchema,
  toProblem,
  type Problem,
  type ProblemStatus,
} from "./problem.js";
export { acceptKey, newKey, sha256Hex, keyHint, keyKind } from "./auth/credentials.js";
export {
  issueToken,
  mintToken,
  verifyToken,
  addSigningKey,
  tokenRequestSchema,
  MAX_TOKEN_SECONDS,
  type EmbedClaims,
  type TokenRequest,
} from "./auth/tokens.js";
export { defaultRateLimits, type RateLimits, type RateLimit } from "./middleware/rate-limit.js";
export { MAX_BODY_BYTES, MAX_RECORDS } from "./middleware/json-body.js";
export { createTenant, type NewTenant } from "./tenants.js";

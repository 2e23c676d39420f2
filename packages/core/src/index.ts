// @kpikit/core: KPI definitions, fact schemas, time ranges and zones, queries and results, formatting
// and the in-memory engine — what browsers and servers both use. SQL is in "@kpikit/core/sql".
export { KpiError, type ErrorCode, type Issue } from "./errors.js";
export { hash53 } from "./hash.js";

export * from "./facts/schemas.js";
export {
  factModels,
  storedFact,
  dimensions,
  dimensionsOf,
  isDimension,
  queryFacts,
  type FactModel,
  type FieldInfo,
  type FieldKind,
  type QueryFact,
  type DimensionBinding,
} from "./facts/model.js";

export * from "./definitions/units.js";
export * from "./definitions/definition.js";
export { dimensionNameSchema, metricIdSchema } from "./ids.js";
export { CLIENT_TIMEOUT_MS, DEFAULT_QUERY_TIMEOUT_MS, MAX_BATCH_QUERIES, MAX_TURN_WAIT_MS } from "./query/limits.js";
export {
  compileDefinition,
  type CompiledMetric,
  type Formula,
  type MetricLookup,
} from "./definitions/compile-definition.js";
export { MetricRegistry } from "./definitions/registry.js";
export { parseExpr, refsOf, type Expr } from "./expr/parse.js";

export { catalog } from "./catalog/catalog.js";
export { kpiTexts, dimensionTexts, domainTexts } from "./catalog/texts.js";
export { uiTexts } from "./i18n/ui-texts.js";
export { breakdownTexts, funnelTexts, rangeTexts, tableTexts } from "./i18n/element-texts.js";

export {
  GRAINS,
  type Grain,
  isoDate,
  isoWeekday,
  parseIsoDate,
  localDay,
  startOfDay,
  hoursInDay,
  dayPosition,
  datesIn,
  floorToGrain,
  nextBoundary,
} from "./time/calendar.js";
export {
  RANGE_PRESETS,
  COMPARES,
  MAX_BUCKETS,
  type RangePreset,
  type Compare,
  type Span,
  type Bucket,
  isRange,
  resolveRange,
  explicitDays,
  previousPeriod,
  previousYear,
  previousStep,
  comparedSpan,
  defaultGrain,
  bucketsOf,
  localDaysTouched,
  shiftLocal,
} from "./time/range.js";
export { isTimeZone, offsetAt, localFields, localToInstant, formatInstant, type LocalFields } from "./time/zone.js";

export { querySchema, parseQuery, queryFromSearchParams, type Query, type QueryInput } from "./query/query.js";
export { searchParamsOf } from "./query/params.js";
export {
  resultSchema,
  seriesPointSchema,
  STATUSES,
  type Result,
  type SeriesPoint,
  type Status,
} from "./query/result.js";
export { runQuery, planQuery, prepareQuery, type RunOptions, type PreparedQuery } from "./query/run.js";
export { statusOf, changeOf } from "./query/status.js";

export {
  formatValue,
  formatChange,
  formatChanges,
  formatDuration,
  defaultDelta,
  DELTAS,
  type DeltaKind,
  type FormatOptions,
} from "./format/format.js";
export { catalogLocale } from "./format/locale.js";

export type { Engine, MeasureRequest, MeasureResults, Aggregate, FilterBinding } from "./engine/types.js";
export { MemoryEngine, createMemoryEngine, type MemoryEngineOptions } from "./engine/memory/memory-engine.js";
export { validateBatch, type BatchValidation, type RecordError } from "./facts/validate.js";

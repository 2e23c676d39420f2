// @kpikit/elements: importing this module defines every element (the provider first, so that the
// widgets upgrading after it find their configuration at once).
export { KpiProvider } from "./components/kpi-provider/kpi-provider.js";
export { KpiCard } from "./components/kpi-card/kpi-card.js";
export { KpiGauge, bandsOf, type GaugeBand } from "./components/kpi-gauge/kpi-gauge.js";
export { KpiTrend } from "./components/kpi-trend/kpi-trend.js";
export { KpiSparkline } from "./components/kpi-sparkline/kpi-sparkline.js";
export { KpiFunnel, funnelSteps, type FunnelStep } from "./components/kpi-funnel/kpi-funnel.js";
export { KpiBreakdown, partsOfTotal, type KpiSelectDetail } from "./components/kpi-breakdown/kpi-breakdown.js";
export { KpiTable, type TableSortKey } from "./components/kpi-table/kpi-table.js";
export { KpiRange, type KpiRangeChangeDetail } from "./components/kpi-range/kpi-range.js";
export { KpiElement } from "./internal/kpi-element.js";
export type { KpiErrorDetail } from "./internal/report.js";
export { deltaOf, type Delta, type Direction, type Tone } from "./internal/delta.js";
/**
 * The locales the widgets and the catalog speak (a widget's `locale` may name any BCP 47 tag; labels
 * fall back to the closest).
 */
export { LOCALES, type Locale } from "@kpikit/core";
// From their own modules, not client/index.js: that one also brings the SSE reader, which esbuild
// would then split into a chunk that kpikit.js imports at once, though only live updates use it.
export { KpiClient, type ClientOptions } from "./client/data-client.js";
export { Credentials, type TokenProvider } from "./client/credentials.js";
export { KpiRequestError } from "./client/errors.js";
// The elements' typings for React 19's JSX, Vue 3's templates and Svelte 5's markup come with the
// main entry (type-only: no code). The build generates them from custom-elements.json.
export type {} from "./react.js";
export type {} from "./svelte.js";
export type {} from "./vue.js";

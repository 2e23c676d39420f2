// The words of the elements beyond the KPI card, one set per element, in the five locales.
import { inLocales } from "./in-locales.js";
import { breakdownWords, funnelWords, rangeWords, tableWords } from "./locales/en.js";

/** The words of `<kpi-range>`: presets, comparisons and the calendar's controls. */
export const rangeTexts = inLocales(rangeWords);

/** The words of `<kpi-breakdown>`. */
export const breakdownTexts = inLocales(breakdownWords);

/** The words of `<kpi-table>`. */
export const tableTexts = inLocales(tableWords);

/** The words of `<kpi-funnel>`. */
export const funnelTexts = inLocales(funnelWords);

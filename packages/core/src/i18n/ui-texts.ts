// Words the widgets show around a KPI, in the five locales. Kept apart from the catalog's texts so
// that a page with one widget does not download seventy KPIs' descriptions.
import { inLocales } from "./in-locales.js";
import { chartWords, uiWords } from "./locales/en.js";

/** Words the widgets show around a KPI, and in the charts. */
export const uiTexts = inLocales({ ...uiWords, ...chartWords });

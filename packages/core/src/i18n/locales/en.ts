// The widgets' words in English, one set per element, so that each element's module brings only its
// own (a page with only cards downloads none of the range picker's). English is what a widget can
// show at once; each other locale's words are a module of their own (./ru.ts, …), which a widget
// loads when it first speaks that locale. ui-texts.ts and element-texts.ts put the five together.

/** Words the widgets show around a KPI. */
export const uiWords = {
  vs_previous_period: "vs previous period",
  vs_previous_year: "vs previous year",
  vs_target: "vs target",
  not_available: "n/a",
  no_data: "No data for this period",
  loading: "Loading…",
  // What a page's visitor is told when a widget cannot show its figure: no detail, no jargon.
  error_temporary: "This figure can't be loaded right now.",
  error_unavailable: "This figure isn't available here.",
  retry: "Retry",
  stale: "Data may be out of date",
  target: "Target",
  of_target: "of target",
  // The pace of a running period: where it heads by its last day, and whether that meets the target.
  on_pace: "On pace for {value} by {date}",
  pace_on_track: "meets the target",
  pace_off_track: "short of the target",
  status_good: "Good",
  status_warning: "Warning",
  status_critical: "Critical",
  increase: "increase",
  decrease: "decrease",
  unchanged: "unchanged",
};

/** The words of the charts' tooltips and tables (`<kpi-trend>`, `<kpi-breakdown>`), beyond uiWords. */
export const chartWords = {
  // Said after the date of a bucket still running at `now`.
  so_far: "so far",
  previous: "Previous",
  previous_period: "Previous period",
  previous_year: "Previous year",
  current: "Current",
  date: "Date",
};

/** The words of `<kpi-range>`: presets, comparisons and the calendar's controls. */
export const rangeWords = {
  // <kpi-range>: the picker's labels, its presets and comparisons, and its calendar's controls.
  range_picker: "Date range",
  range_today: "Today",
  range_yesterday: "Yesterday",
  range_last_7_days: "Last 7 days",
  range_last_28_days: "Last 28 days",
  range_last_30_days: "Last 30 days",
  range_last_90_days: "Last 90 days",
  range_mtd: "Month to date",
  range_qtd: "Quarter to date",
  range_ytd: "Year to date",
  range_last_month: "Last month",
  range_last_year: "Last year",
  range_custom: "Custom range",
  range_compare: "Compare with",
  range_compare_previous_period: "Previous period",
  range_compare_previous_year: "Previous year",
  range_compare_none: "No comparison",
  range_choose_dates: "Choose dates",
  range_previous_month: "Previous month",
  range_next_month: "Next month",
  range_pick_first: "Choose the first day",
  range_pick_last: "Choose the last day",
  range_cancel: "Cancel",
};

/** The words of `<kpi-breakdown>`. */
export const breakdownWords = {
  // <kpi-breakdown> and <kpi-table>: {metric}, {dimension}, {share} and {n} are filled in by the widget.
  breakdown_by: "{metric} by {dimension}",
  breakdown_other: "Other",
  breakdown_more: "{n} more",
  breakdown_not_set: "Not set",
  breakdown_share: "{share} of total",
};

/** The words of `<kpi-table>`. */
export const tableWords = {
  table_kpi: "KPI",
  table_value: "Value",
  table_change: "Change",
  table_trend: "Trend",
  table_status: "Status",
};

/** The words of `<kpi-funnel>`. */
export const funnelWords = {
  // <kpi-funnel>: {share} and {value} are filled in by the widget.
  funnel: "Funnel",
  funnel_of_previous_step: "{share} of previous step",
  funnel_of_first_step: "{share} of first step",
  funnel_drop_off: "{share} drop-off",
  funnel_previous_period: "previous period {value}",
  funnel_previous_year: "previous year {value}",
};

/** The names of the dimensions KPIs are split by, which `<kpi-breakdown>` and `<kpi-table>` show. */
export const dimensionWords = {
  dimension_channel: "Channel",
  dimension_source: "Traffic source",
  dimension_region: "Region",
  dimension_campaign: "Campaign",
  dimension_agent: "Agent",
  dimension_product: "Product",
  dimension_category: "Category",
  dimension_kind: "Type",
  dimension_reason: "Reason",
  dimension_sku: "SKU",
  dimension_line: "Production line",
  dimension_visitor: "Visitor type",
};

/** Every word of the widgets by its key: what each other locale's module gives, all of them. */
export type Words = Record<
  keyof (typeof uiWords &
    typeof chartWords &
    typeof rangeWords &
    typeof breakdownWords &
    typeof tableWords &
    typeof funnelWords &
    typeof dimensionWords),
  string
>;

// The words of the elements beyond the KPI card, one set per element, in the five locales. Each
// element brings its own set, so that a page with only cards downloads none of the others' words.
import type { LocaleTexts } from "../definitions/units.js";

/** The words of `<kpi-range>`: presets, comparisons and the calendar's controls. */
export const rangeTexts = {
  // <kpi-range>: the picker's labels, its presets and comparisons, and its calendar's controls.
  range_picker: { en: "Date range", ru: "Период", ms: "Julat tarikh", "zh-Hans": "日期范围", "zh-Hant": "日期範圍" },
  range_today: { en: "Today", ru: "Сегодня", ms: "Hari ini", "zh-Hans": "今天", "zh-Hant": "今天" },
  range_yesterday: { en: "Yesterday", ru: "Вчера", ms: "Semalam", "zh-Hans": "昨天", "zh-Hant": "昨天" },
  range_last_7_days: {
    en: "Last 7 days",
    ru: "Последние 7 дней",
    ms: "7 hari lepas",
    "zh-Hans": "最近 7 天",
    "zh-Hant": "最近 7 天",
  },
  range_last_28_days: {
    en: "Last 28 days",
    ru: "Последние 28 дней",
    ms: "28 hari lepas",
    "zh-Hans": "最近 28 天",
    "zh-Hant": "最近 28 天",
  },
  range_last_30_days: {
    en: "Last 30 days",
    ru: "Последние 30 дней",
    ms: "30 hari lepas",
    "zh-Hans": "最近 30 天",
    "zh-Hant": "最近 30 天",
  },
  range_last_90_days: {
    en: "Last 90 days",
    ru: "Последние 90 дней",
    ms: "90 hari lepas",
    "zh-Hans": "最近 90 天",
    "zh-Hant": "最近 90 天",
  },
  range_mtd: {
    en: "Month to date",
    ru: "С начала месяца",
    ms: "Bulan hingga kini",
    "zh-Hans": "本月至今",
    "zh-Hant": "本月至今",
  },
  range_qtd: {
    en: "Quarter to date",
    ru: "С начала квартала",
    ms: "Suku tahun hingga kini",
    "zh-Hans": "本季度至今",
    "zh-Hant": "本季至今",
  },
  range_ytd: {
    en: "Year to date",
    ru: "С начала года",
    ms: "Tahun hingga kini",
    "zh-Hans": "今年至今",
    "zh-Hant": "今年至今",
  },
  range_last_month: { en: "Last month", ru: "Прошлый месяц", ms: "Bulan lepas", "zh-Hans": "上月", "zh-Hant": "上月" },
  range_last_year: { en: "Last year", ru: "Прошлый год", ms: "Tahun lepas", "zh-Hans": "去年", "zh-Hant": "去年" },
  range_custom: {
    en: "Custom range",
    ru: "Свои даты",
    ms: "Julat tersuai",
    "zh-Hans": "自定义范围",
    "zh-Hant": "自訂範圍",
  },
  range_compare: {
    en: "Compare with",
    ru: "Сравнение",
    ms: "Bandingkan dengan",
    "zh-Hans": "对比",
    "zh-Hant": "對比",
  },
  range_compare_previous_period: {
    en: "Previous period",
    ru: "С предыдущим периодом",
    ms: "Tempoh sebelumnya",
    "zh-Hans": "上一周期",
    "zh-Hant": "上一週期",
  },
  range_compare_previous_year: {
    en: "Previous year",
    ru: "С прошлым годом",
    ms: "Tahun sebelumnya",
    "zh-Hans": "去年同期",
    "zh-Hant": "去年同期",
  },
  range_compare_none: {
    en: "No comparison",
    ru: "Без сравнения",
    ms: "Tiada perbandingan",
    "zh-Hans": "不对比",
    "zh-Hant": "不對比",
  },
  range_choose_dates: {
    en: "Choose dates",
    ru: "Выбрать даты",
    ms: "Pilih tarikh",
    "zh-Hans": "选择日期",
    "zh-Hant": "選擇日期",
  },
  range_previous_month: {
    en: "Previous month",
    ru: "Предыдущий месяц",
    ms: "Bulan sebelumnya",
    "zh-Hans": "上个月",
    "zh-Hant": "上個月",
  },
  range_next_month: {
    en: "Next month",
    ru: "Следующий месяц",
    ms: "Bulan seterusnya",
    "zh-Hans": "下个月",
    "zh-Hant": "下個月",
  },
  range_pick_first: {
    en: "Choose the first day",
    ru: "Выберите первый день",
    ms: "Pilih hari pertama",
    "zh-Hans": "请选择开始日期",
    "zh-Hant": "請選擇開始日期",
  },
  range_pick_last: {
    en: "Choose the last day",
    ru: "Выберите последний день",
    ms: "Pilih hari terakhir",
    "zh-Hans": "请选择结束日期",
    "zh-Hant": "請選擇結束日期",
  },
  range_cancel: { en: "Cancel", ru: "Отмена", ms: "Batal", "zh-Hans": "取消", "zh-Hant": "取消" },
} satisfies Record<string, LocaleTexts>;

/** The words of `<kpi-breakdown>`. */
export const breakdownTexts = {
  // <kpi-breakdown> and <kpi-table>: {metric}, {dimension}, {share} and {n} are filled in by the widget.
  breakdown_by: {
    en: "{metric} by {dimension}",
    ru: "{metric} в разрезе «{dimension}»",
    ms: "{metric} mengikut {dimension}",
    "zh-Hans": "{metric}（按{dimension}）",
    "zh-Hant": "{metric}（按{dimension}）",
  },
  breakdown_other: { en: "Other", ru: "Прочие", ms: "Lain-lain", "zh-Hans": "其他", "zh-Hant": "其他" },
  breakdown_more: { en: "{n} more", ru: "ещё {n}", ms: "{n} lagi", "zh-Hans": "另有 {n} 项", "zh-Hant": "另有 {n} 項" },
  breakdown_not_set: {
    en: "Not set",
    ru: "Не указано",
    ms: "Tidak dinyatakan",
    "zh-Hans": "未填写",
    "zh-Hant": "未填寫",
  },
  breakdown_share: {
    en: "{share} of total",
    ru: "{share} от итога",
    ms: "{share} daripada jumlah",
    "zh-Hans": "占总计 {share}",
    "zh-Hant": "占總計 {share}",
  },
} satisfies Record<string, LocaleTexts>;

/** The words of `<kpi-table>`. */
export const tableTexts = {
  table_kpi: { en: "KPI", ru: "Показатель", ms: "KPI", "zh-Hans": "指标", "zh-Hant": "指標" },
  table_value: { en: "Value", ru: "Значение", ms: "Nilai", "zh-Hans": "数值", "zh-Hant": "數值" },
  table_change: { en: "Change", ru: "Изменение", ms: "Perubahan", "zh-Hans": "变化", "zh-Hant": "變化" },
  table_trend: { en: "Trend", ru: "Динамика", ms: "Trend", "zh-Hans": "趋势", "zh-Hant": "趨勢" },
  table_status: { en: "Status", ru: "Статус", ms: "Status", "zh-Hans": "状态", "zh-Hant": "狀態" },
} satisfies Record<string, LocaleTexts>;

/** The words of `<kpi-funnel>`. */
export const funnelTexts = {
  // <kpi-funnel>: {share} and {value} are filled in by the widget.
  funnel: { en: "Funnel", ru: "Воронка", ms: "Corong", "zh-Hans": "漏斗", "zh-Hant": "漏斗" },
  funnel_of_previous_step: {
    en: "{share} of previous step",
    ru: "{share} от предыдущего шага",
    ms: "{share} daripada langkah sebelumnya",
    "zh-Hans": "占上一步 {share}",
    "zh-Hant": "占上一步 {share}",
  },
  funnel_of_first_step: {
    en: "{share} of first step",
    ru: "{share} от первого шага",
    ms: "{share} daripada langkah pertama",
    "zh-Hans": "占第一步 {share}",
    "zh-Hant": "占第一步 {share}",
  },
  funnel_drop_off: {
    en: "{share} drop-off",
    ru: "отсев {share}",
    ms: "{share} keciciran",
    "zh-Hans": "流失 {share}",
    "zh-Hant": "流失 {share}",
  },
  funnel_previous_period: {
    en: "previous period {value}",
    ru: "предыдущий период {value}",
    ms: "tempoh sebelumnya {value}",
    "zh-Hans": "上期 {value}",
    "zh-Hant": "上期 {value}",
  },
  funnel_previous_year: {
    en: "previous year {value}",
    ru: "прошлый год {value}",
    ms: "tahun sebelumnya {value}",
    "zh-Hans": "去年同期 {value}",
    "zh-Hant": "去年同期 {value}",
  },
} satisfies Record<string, LocaleTexts>;

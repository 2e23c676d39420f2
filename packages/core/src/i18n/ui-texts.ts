// Words the widgets show around a KPI, in the five locales. Kept apart from the catalog's texts so
// that a page with one widget does not download seventy KPIs' descriptions.
import type { LocaleTexts } from "../definitions/units.js";

/** Words the widgets show around a KPI. */
export const uiTexts = {
  vs_previous_period: {
    en: "vs previous period",
    ru: "к предыдущему периоду",
    ms: "berbanding tempoh sebelumnya",
    "zh-Hans": "较上期",
    "zh-Hant": "較上期",
  },
  vs_previous_year: {
    en: "vs previous year",
    ru: "к прошлому году",
    ms: "berbanding tahun sebelumnya",
    "zh-Hans": "较去年同期",
    "zh-Hant": "較去年同期",
  },
  vs_target: { en: "vs target", ru: "к цели", ms: "berbanding sasaran", "zh-Hans": "较目标", "zh-Hant": "較目標" },
  not_available: { en: "n/a", ru: "н/д", ms: "T/B", "zh-Hans": "不适用", "zh-Hant": "不適用" },
  no_data: {
    en: "No data for this period",
    ru: "Нет данных за этот период",
    ms: "Tiada data untuk tempoh ini",
    "zh-Hans": "本期暂无数据",
    "zh-Hant": "本期暫無資料",
  },
  loading: { en: "Loading…", ru: "Загрузка…", ms: "Memuatkan…", "zh-Hans": "加载中…", "zh-Hant": "載入中…" },
  // What a page's visitor is told when a widget cannot show its figure: no detail, no jargon.
  error_temporary: {
    en: "This figure can't be loaded right now.",
    ru: "Сейчас не удаётся загрузить эти данные.",
    ms: "Angka ini tidak dapat dimuatkan sekarang.",
    "zh-Hans": "暂时无法加载此数据。",
    "zh-Hant": "暫時無法載入此資料。",
  },
  error_unavailable: {
    en: "This figure isn't available here.",
    ru: "Эти данные здесь недоступны.",
    ms: "Angka ini tidak tersedia di sini.",
    "zh-Hans": "此处无法显示此数据。",
    "zh-Hant": "此處無法顯示此資料。",
  },
  retry: { en: "Retry", ru: "Повторить", ms: "Cuba lagi", "zh-Hans": "重试", "zh-Hant": "重試" },
  stale: {
    en: "Data may be out of date",
    ru: "Данные могут быть устаревшими",
    ms: "Data mungkin sudah lapuk",
    "zh-Hans": "数据可能已过时",
    "zh-Hant": "資料可能已過時",
  },
  target: { en: "Target", ru: "Цель", ms: "Sasaran", "zh-Hans": "目标", "zh-Hant": "目標" },
  of_target: {
    en: "of target",
    ru: "от цели",
    ms: "daripada sasaran",
    "zh-Hans": "目标达成率",
    "zh-Hant": "目標達成率",
  },
  // Said after the date of a bucket still running at `now`.
  so_far: { en: "so far", ru: "неполные данные", ms: "setakat ini", "zh-Hans": "截至目前", "zh-Hant": "截至目前" },
  // The pace of a running period: where it heads by its last day, and whether that meets the target.
  on_pace: {
    en: "On pace for {value} by {date}",
    ru: "Прогноз на {date}: {value}",
    ms: "Unjuran {value} menjelang {date}",
    "zh-Hans": "预计至{date}达到{value}",
    "zh-Hant": "預計至{date}達到{value}",
  },
  pace_on_track: {
    en: "meets the target",
    ru: "цель будет достигнута",
    ms: "mencapai sasaran",
    "zh-Hans": "可达成目标",
    "zh-Hant": "可達成目標",
  },
  pace_off_track: {
    en: "short of the target",
    ru: "цель не будет достигнута",
    ms: "tidak mencapai sasaran",
    "zh-Hans": "难以达成目标",
    "zh-Hant": "難以達成目標",
  },
  status_good: { en: "Good", ru: "Норма", ms: "Baik", "zh-Hans": "良好", "zh-Hant": "良好" },
  status_warning: { en: "Warning", ru: "Внимание", ms: "Amaran", "zh-Hans": "警告", "zh-Hant": "警告" },
  status_critical: { en: "Critical", ru: "Критично", ms: "Kritikal", "zh-Hans": "严重", "zh-Hant": "嚴重" },
  previous: { en: "Previous", ru: "Предыдущий", ms: "Sebelumnya", "zh-Hans": "上期", "zh-Hant": "上期" },
  previous_period: {
    en: "Previous period",
    ru: "Предыдущий период",
    ms: "Tempoh sebelumnya",
    "zh-Hans": "上期",
    "zh-Hant": "上期",
  },
  previous_year: {
    en: "Previous year",
    ru: "Прошлый год",
    ms: "Tahun sebelumnya",
    "zh-Hans": "去年同期",
    "zh-Hant": "去年同期",
  },
  current: { en: "Current", ru: "Текущий", ms: "Semasa", "zh-Hans": "本期", "zh-Hant": "本期" },
  date: { en: "Date", ru: "Дата", ms: "Tarikh", "zh-Hans": "日期", "zh-Hant": "日期" },
  increase: { en: "increase", ru: "рост", ms: "meningkat", "zh-Hans": "上升", "zh-Hant": "上升" },
  decrease: { en: "decrease", ru: "снижение", ms: "menurun", "zh-Hans": "下降", "zh-Hant": "下降" },
  unchanged: { en: "unchanged", ru: "без изменений", ms: "tidak berubah", "zh-Hans": "持平", "zh-Hant": "持平" },
} satisfies Record<string, LocaleTexts>;

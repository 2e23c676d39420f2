// The periods a target is set for (the months, quarters or the year of a year), and values pasted
// from a spreadsheet: one per line, or a period's name and its value separated by a tab.

export const GRAINS = ["month", "quarter", "year"] as const;
export type Grain = (typeof GRAINS)[number];

export interface Period {
  /** `2026-05`, `2026-Q2` or `2026`: how a spreadsheet may name it. */
  key: string;
  /** First day, and the day after the last (a target's start and end). */
  start: string;
  end: string;
}

const day = (year: number, month: number) => `${year}-${String(month).padStart(2, "0")}-01`;

export function periodsOf(grain: Grain, year: number): Period[] {
  const months = grain === "month" ? 1 : grain === "quarter" ? 3 : 12;
  return Array.from({ length: 12 / months }, (_, i) => {
    const first = i * months + 1;
    const next = first + months;
    const key =
      grain === "month"
        ? `${year}-${String(first).padStart(2, "0")}`
        : grain === "quarter"
          ? `${year}-Q${i + 1}`
          : `${year}`;
    return { key, start: day(year, first), end: next > 12 ? day(year + 1, 1) : day(year, next) };
  });
}

/** A number as a spreadsheet may write it: `1 250,5`, `1,250.5`, `12%` (a percentage as a fraction). */
export function parseNumber(text: string): number | null {
  let t = text.trim().replace(/[\s\u00a0\u202f]/g, "");
  if (!t) return null;
  const percent = t.endsWith("%");
  if (percent) t = t.slice(0, -1);
  // A comma is the decimal mark when it is the last separator and either a dot comes before it or
  // it is not followed by exactly three digits (1,25 and 1.250,5; but 1,250 is a thousand and more).
  const comma = t.lastIndexOf(",");
  const dot = t.lastIndexOf(".");
  const decimalComma = comma > dot && (dot >= 0 || !/^\d{3}$/.test(t.slice(comma + 1)));
  t = decimalComma ? `${t.slice(0, comma).replace(/[.,]/g, "")}.${t.slice(comma + 1)}` : t.replace(/,/g, "");
  const n = Number(t);
  if (!Number.isFinite(n)) return null;
  return percent ? n / 100 : n;
}

/**
 * Pasted cells as values by period key. Lines with a period's key and a value fill that period;
 * lines of a value alone fill the periods in order from `from`. Cells that are not numbers are skipped.
 */
export function pastedValues(text: string, periods: readonly Period[], from = 0): Map<string, number> {
  const out = new Map<string, number>();
  let next = from;
  for (const line of text.split(/\r?\n/)) {
    const cells = line.split("\t").map((c) => c.trim());
    if (cells.every((c) => !c)) continue;
    const named = cells.length >= 2 ? periods.find((p) => p.key === cells[0]) : undefined;
    const value = parseNumber(cells[cells.length - 1]!);
    if (named) {
      if (value !== null) out.set(named.key, value);
      continue;
    }
    const period = periods[next++];
    if (period && value !== null) out.set(period.key, value);
  }
  return out;
}

// <studio-targets>: a KPI's targets for the months, quarters or the year of a year (GET and PUT
// /v1/targets), typed or pasted from a spreadsheet, each beside its attainment so far: the API's
// result for that period (one POST /v1/query for all of them) carries the target and attainment.
import { formatValue, type Result } from "@kpikit/core";
import { html, nothing, type PropertyValues } from "lit";
import { type Api, ApiError } from "./api.js";
import { optionsOf, valueIn } from "./controls.js";
import { LightElement } from "./light-element.js";
import { type Locale, type MessageKey, t } from "./messages.js";
import { GRAINS, type Grain, type Period, parseNumber, pastedValues, periodsOf } from "./periods.js";
import { type RecordProblem, recordProblemsOf } from "./problems.js";
import type { Catalog } from "./types.js";

interface Target {
  id: string;
  metric: string;
  start: string;
  end: string;
  value: number;
}

type Answer = Result | { error: { detail?: string } };

export class StudioTargets extends LightElement {
  static override properties = {
    api: { attribute: false },
    locale: { attribute: false },
    catalog: { state: true },
    metric: { state: true },
    grain: { state: true },
    year: { state: true },
    stored: { state: true },
    values: { state: true },
    results: { state: true },
    loading: { state: true },
    problems: { state: true },
    status: { state: true },
    error: { state: true },
  };

  api!: Api;
  locale: Locale = "en";
  catalog: Catalog | null = null;
  metric = "";
  grain: Grain = "month";
  year = new Date().getFullYear();
  stored: Target[] = [];
  /** The table's values as typed, by period key. */
  values: Record<string, string> = {};
  results: Record<string, Answer> = {};
  loading = false;
  /** Each load's number: only the latest one's answers are shown. */
  private asked = 0;
  problems: RecordProblem[] = [];
  status: { key: MessageKey; vars?: Record<string, string | number> } | null = null;
  error: string | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("locale") || changed.has("api")) void this.loadCatalog();
  }

  private async attempt(work: () => Promise<void>) {
    this.error = null;
    try {
      await work();
    } catch (e) {
      this.error = e instanceof ApiError ? e.detail : String(e);
    }
  }

  private loadCatalog() {
    return this.attempt(async () => {
      this.catalog = await this.api.get<Catalog>(`/v1/catalog?locale=${encodeURIComponent(this.locale)}`);
      if (!this.metric) this.metric = this.catalog.metrics[0]?.id ?? "";
      await this.loadTargets();
    });
  }

  private periods(): Period[] {
    return periodsOf(this.grain, this.year);
  }

  /** The stored target for exactly this period, if any. */
  private storedFor(p: Period): Target | undefined {
    return this.stored.find((s) => s.start === p.start && s.end === p.end);
  }

  /**
   * The table's stored targets, then each period's result. Until the targets arrive the fields are
   * disabled, so that nothing typed or pasted is overwritten; the answer to an older choice is dropped.
   */
  private async loadTargets() {
    if (!this.metric) return;
    const asked = ++this.asked;
    this.loading = true;
    const { targets } = await this.api
      .get<{ targets: Target[] }>(`/v1/targets?metric=${encodeURIComponent(this.metric)}`)
      .finally(() => {
        if (asked === this.asked) this.loading = false;
      });
    if (asked !== this.asked) return;
    this.stored = targets;
    this.values = Object.fromEntries(
      this.periods().flatMap((p) => {
        const s = this.storedFor(p);
        return s ? [[p.key, String(s.value)]] : [];
      }),
    );
    await this.loadResults(asked);
  }

  /** Each period that has begun, as the API computes it: value so far, target and attainment. */
  private async loadResults(asked: number) {
    const today = new Date().toISOString().slice(0, 10);
    const begun = this.periods().filter((p) => p.start <= today);
    this.results = {};
    if (!begun.length) return;
    const { results } = await this.api.request<{ results: Answer[] }>("POST", "/v1/query", {
      queries: begun.map((p) => ({
        metric: this.metric,
        range: `${p.start}..${p.end}`,
        compare: "none",
        locale: this.locale,
      })),
    });
    if (asked === this.asked) this.results = Object.fromEntries(begun.map((p, i) => [p.key, results[i]!]));
  }

  private choose(patch: Partial<Pick<StudioTargets, "metric" | "grain" | "year">>) {
    Object.assign(this, patch);
    this.status = null;
    this.problems = [];
    void this.attempt(() => this.loadTargets());
  }

  private paste(e: ClipboardEvent, from: number) {
    const text = e.clipboardData?.getData("text/plain") ?? "";
    // One value is typed as usual; a spreadsheet's cells fill the table from this row down.
    if (!/[\t\n]/.test(text.trim())) return;
    e.preventDefault();
    const pasted = pastedValues(text, this.periods(), from);
    this.values = { ...this.values, ...Object.fromEntries([...pasted].map(([k, v]) => [k, String(v)])) };
    this.status = { key: "pasted", vars: { n: pasted.size } };
  }

  private save(e: SubmitEvent) {
    e.preventDefault();
    this.problems = [];
    this.status = null;
    const targets: Target[] = [];
    for (const p of this.periods()) {
      const text = this.values[p.key]?.trim();
      if (!text) continue;
      const value = parseNumber(text);
      if (value === null) {
        this.error = t(this.locale, "notANumber", { period: p.key, text });
        return;
      }
      const id = this.storedFor(p)?.id ?? `${this.metric}_${p.start}_${p.end}`;
      targets.push({ id, metric: this.metric, start: p.start, end: p.end, value });
    }
    return this.attempt(async () => {
      try {
        const r = await this.api.request<{ inserted: number; updated: number }>("PUT", "/v1/targets", { targets });
        this.status = { key: "targetsSaved", vars: { inserted: r.inserted, updated: r.updated } };
      } catch (err) {
        this.problems = recordProblemsOf(err);
        throw err;
      }
      await this.loadTargets();
    });
  }

  protected override render() {
    const l = this.locale;
    const metrics = this.catalog?.metrics ?? [];
    return html`<h1 tabindex="-1">${t(l, "targetsTitle")}</h1>
      <p class="lead">${t(l, "targetsIntro")}</p>
      ${this.error ? html`<p class="error" role="alert">${t(l, "failed", { detail: this.error })}</p>` : nothing}
      <section class="card-box" aria-labelledby="targets-table-title">
        <div class="row">
          <div>
            <label for="target-metric">${t(l, "kpi")}</label>
            <select id="target-metric" @change=${(e: Event) => this.choose({ metric: valueIn(e) })}>
              ${optionsOf(
                metrics.map((m) => [m.id, `${m.label} (${m.id})`]),
                this.metric,
              )}
            </select>
          </div>
          <div>
            <label for="target-grain">${t(l, "period")}</label>
            <select id="target-grain" @change=${(e: Event) => this.choose({ grain: valueIn(e) as Grain })}>
              ${optionsOf(
                GRAINS.map((g) => [g, t(l, `grain_${g}`)]),
                this.grain,
              )}
            </select>
          </div>
          <div>
            <label for="target-year">${t(l, "year")}</label>
            <input
              id="target-year"
              type="number"
              min="2000"
              max="2100"
              .value=${String(this.year)}
              @change=${(e: Event) => {
                const year = Number((e.target as HTMLInputElement).value);
                if (Number.isInteger(year) && year >= 2000 && year <= 2100) this.choose({ year });
              }}
            />
          </div>
        </div>
        <p class="hint">${t(l, "pasteHint")}</p>
        <form @submit=${this.save} novalidate>${this.table()}
          <button type="submit" class="primary">${t(l, "saveTargets")}</button>
        </form>
        <p role="status" class="status">${this.status ? t(l, this.status.key, this.status.vars) : nothing}</p>
        ${
          this.problems.length
            ? html`<ul class="problems">
              ${this.problems.map((p) => html`<li><code>${p.field}</code>: ${p.reason}</li>`)}
            </ul>`
            : nothing
        }
      </section>`;
  }

  private table() {
    const l = this.locale;
    const m = this.catalog?.metrics.find((x) => x.id === this.metric);
    const percent = (v: number | null | undefined) =>
      v === null || v === undefined ? "–" : (formatValue(v, { unit: "percent", locale: l }) ?? "–");
    return html`<div class="table-scroll">
      <table class="keys targets">
        <caption id="targets-table-title">
          ${t(l, "targetsCaption", { kpi: m?.label ?? this.metric, year: this.year })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t(l, "period")}</th>
            <th scope="col">${t(l, "target")}</th>
            <th scope="col" class="num">${t(l, "soFar")}</th>
            <th scope="col" class="num">${t(l, "attainment")}</th>
          </tr>
        </thead>
        <tbody>
          ${this.periods().map((p, i) => {
            const r = this.results[p.key];
            const result = r && !("error" in r) ? r : undefined;
            return html`<tr data-period=${p.key}>
              <th scope="row" id="period-${p.key}">${this.periodName(p)}</th>
              <td>
                <input
                  id="target-${p.key}"
                  inputmode="decimal"
                  autocomplete="off"
                  ?disabled=${this.loading}
                  aria-labelledby="period-${p.key}"
                  .value=${this.values[p.key] ?? ""}
                  @input=${(e: Event) => {
                    this.values = { ...this.values, [p.key]: (e.target as HTMLInputElement).value };
                  }}
                  @paste=${(e: ClipboardEvent) => this.paste(e, i)}
                />
              </td>
              <td class="num">${result?.formatted.value ?? "–"}</td>
              <td class="num attainment">${percent(result?.target?.attainment)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  private periodName(p: Period): string {
    const date = new Date(`${p.start}T12:00:00Z`);
    if (this.grain === "month")
      return new Intl.DateTimeFormat(this.locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(date);
    if (this.grain === "quarter") return t(this.locale, "quarterName", { q: p.key.slice(-1), year: this.year });
    return String(this.year);
  }
}

customElements.define("studio-targets", StudioTargets);

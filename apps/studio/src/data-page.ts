// <studio-data>: what the shop has sent (GET /v1/facts) and a CSV import. The file is read in the
// browser only to find its header and cut it into parts the API takes; the API maps and checks
// every part first (POST /v1/import/preview), and only a file with no bad row is then sent
// (POST /v1/import), part after part, with its progress. A bad row is listed, and nothing is written.
import { factModels, type QueryFact, queryFacts } from "@kpikit/core";
import { html, nothing, type PropertyValues } from "lit";
import { type Api, ApiError } from "./api.js";
import { type CsvPart, csvFields, csvParts, csvRows } from "./csv.js";
import { dateText } from "./format.js";
import { optionsOf } from "./controls.js";
import { LightElement } from "./light-element.js";
import { type Locale, type MessageKey, t } from "./messages.js";
import { type RecordProblem, recordProblemsOf } from "./problems.js";
import type { Settings } from "./types.js";

const FACTS = queryFacts.filter((f) => f !== "orderLines");
const ZONES = Intl.supportedValuesOf("timeZone");
/** The API's limits are 500 records and 1 MB a request; a part's JSON escapes its quotes and line ends. */
const PART = { maxRows: 500, maxBytes: 600_000 };
/** A field's source in the form: a column of the file, a value for every row, or nothing. */
const FIXED = "\u0000fixed";
const PROBLEMS_SHOWN = 100;

interface FactSummary {
  fact: string;
  records: number;
  first: string | null;
  last: string | null;
  lastIngestAt: string | null;
}

interface Checked {
  rows: number;
  sample: Record<string, unknown>[];
}

interface Progress {
  phase: "checking" | "sending";
  rows: number;
  of: number;
  inserted: number;
  duplicates: number;
}

export class StudioData extends LightElement {
  static override properties = {
    api: { attribute: false },
    locale: { attribute: false },
    settings: { attribute: false },
    facts: { state: true },
    file: { state: true },
    preset: { state: true },
    fact: { state: true },
    sources: { state: true },
    fixed: { state: true },
    timeZone: { state: true },
    checked: { state: true },
    problems: { state: true },
    progress: { state: true },
    status: { state: true },
    error: { state: true },
  };

  api!: Api;
  locale: Locale = "en";
  settings!: Settings;
  facts: FactSummary[] = [];
  file: { name: string; text: string; header: string[] } | null = null;
  preset: "" | "shopify" = "";
  fact: string = "orders";
  /** Field → column, FIXED, or "" (not imported). */
  sources: Record<string, string> = {};
  fixed: Record<string, string> = {};
  timeZone = "";
  checked: Checked | null = null;
  problems: RecordProblem[] = [];
  progress: Progress | null = null;
  status: { key: MessageKey; vars?: Record<string, string | number> } | null = null;
  error: string | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("api")) void this.load();
    if (changed.has("settings") && !this.timeZone) this.timeZone = this.settings.timeZone;
  }

  private async load() {
    try {
      this.facts = (await this.api.get<{ facts: FactSummary[] }>("/v1/facts")).facts;
    } catch (e) {
      this.error = e instanceof ApiError ? e.detail : String(e);
    }
  }

  /** Anything that changes what would be imported asks for a new check. */
  private changed(patch: Partial<this>) {
    Object.assign(this, patch);
    this.checked = null;
    this.problems = [];
    this.status = null;
    this.error = null;
  }

  private async pick(e: Event) {
    const input = e.target as HTMLInputElement;
    const chosen = input.files?.[0];
    if (!chosen) return;
    const text = await chosen.text();
    const header = csvFields(csvRows(text)[0] ?? "");
    this.changed({ file: { name: chosen.name, text, header } } as Partial<this>);
    this.guess();
  }

  /**
   * A field keeps its source if the file still has it (another export of the same kind); otherwise a
   * column named as the field is (`orderId`, `order_id`) is its first guess.
   */
  private guess() {
    const header = this.file?.header ?? [];
    const plain = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
    const sources: Record<string, string> = {};
    for (const field of Object.keys(factModels[this.fact as QueryFact].fields)) {
      const kept = this.sources[field];
      sources[field] =
        kept && (kept === FIXED || header.includes(kept))
          ? kept
          : (header.find((c) => plain(c) === plain(field)) ?? "");
    }
    this.sources = sources;
  }

  private mapping() {
    const model = factModels[this.fact as QueryFact];
    const fields: Record<string, string | { value: string }> = {};
    for (const field of Object.keys(model.fields)) {
      const source = this.sources[field] ?? "";
      if (source === FIXED && (this.fixed[field] ?? "").trim()) fields[field] = { value: this.fixed[field]!.trim() };
      else if (source && source !== FIXED) fields[field] = source;
    }
    return { fact: this.fact, timeZone: this.timeZone, fields };
  }

  private request(csv: string) {
    return this.preset ? { csv, preset: this.preset } : { csv, mapping: this.mapping() };
  }

  private parts(): CsvPart[] {
    const idSource = this.sources.id;
    const keyColumn = this.preset === "shopify" ? "Name" : idSource && idSource !== FIXED ? idSource : undefined;
    return csvParts(this.file!.text, { ...PART, ...(keyColumn ? { keyColumn } : {}) });
  }

  /** Every part checked by the API; its bad rows are named by their line in the whole file. */
  private async check(): Promise<boolean> {
    this.changed({});
    const parts = this.parts();
    const of = parts.reduce((n, p) => n + p.rows, 0);
    this.progress = { phase: "checking", rows: 0, of, inserted: 0, duplicates: 0 };
    const problems: RecordProblem[] = [];
    let checked: Checked = { rows: 0, sample: [] };
    for (const part of parts) {
      try {
        const r = await this.api.request<{ rows: number; records: Record<string, unknown>[] }>(
          "POST",
          "/v1/import/preview",
          this.request(part.csv),
        );
        // Each part's records are counted alone: a repeated id in two parts is one fact, so the
        // file's facts are known only once it is stored.
        checked = { rows: checked.rows + r.rows, sample: checked.sample.length ? checked.sample : r.records };
      } catch (e) {
        const found = recordProblemsOf(e);
        if (!found.length) {
          this.progress = null;
          this.error = e instanceof ApiError ? e.detail : String(e);
          return false;
        }
        problems.push(...found.map((p) => (p.line === undefined ? p : { ...p, line: part.firstLine + p.line - 2 })));
      }
      this.progress = { ...this.progress!, rows: this.progress!.rows + part.rows };
    }
    this.progress = null;
    this.problems = problems;
    if (problems.length) {
      this.status = { key: "importRefused", vars: { n: new Set(problems.map((p) => p.line)).size } };
      return false;
    }
    this.checked = checked;
    return true;
  }

  private async send() {
    if (!this.checked && !(await this.check())) return;
    const parts = this.parts();
    const of = parts.reduce((n, p) => n + p.rows, 0);
    this.progress = { phase: "sending", rows: 0, of, inserted: 0, duplicates: 0 };
    for (const part of parts) {
      const done: number = this.progress!.rows;
      try {
        // Rows sent so far, estimated from the part's bytes sent; the API's counts once it has answered.
        const r = await this.api.upload<{ inserted: number; duplicates: number }>(
          "/v1/import",
          this.request(part.csv),
          (sent) => {
            this.progress = { ...this.progress!, rows: done + Math.floor(part.rows * sent) };
          },
        );
        const p: Progress = this.progress!;
        this.progress = {
          ...p,
          rows: done + part.rows,
          inserted: p.inserted + r.inserted,
          duplicates: p.duplicates + r.duplicates,
        };
      } catch (e) {
        // The file was checked in full: a refusal now is the API's (a limit, a lost connection).
        this.error = t(this.locale, "importStopped", {
          rows: done,
          detail: e instanceof ApiError ? e.detail : String(e),
        });
        this.progress = null;
        this.problems = recordProblemsOf(e);
        await this.load();
        return;
      }
    }
    const { inserted, duplicates } = this.progress!;
    this.progress = null;
    this.status = { key: "imported", vars: { inserted, duplicates } };
    this.checked = null;
    await this.load();
  }

  protected override render() {
    const l = this.locale;
    return html`<h1 tabindex="-1">${t(l, "dataTitle")}</h1>
      <p class="lead">${t(l, "dataIntro")}</p>
      ${this.error ? html`<p class="error" role="alert">${t(l, "failed", { detail: this.error })}</p>` : nothing}
      <div class="stack">
        <section class="card-box" aria-labelledby="facts-title">${this.summary()}</section>
        <section class="card-box import" aria-labelledby="import-title">${this.importForm()}</section>
      </div>`;
  }

  private summary() {
    const l = this.locale;
    const number = new Intl.NumberFormat(l);
    const time = (iso: string | null) => (iso === null ? "–" : iso.length === 10 ? iso : dateText(l, iso));
    // A span is read by its days, in the shop's zone; a fact placed by date (ad spend) is one already.
    const days = new Intl.DateTimeFormat(l, { dateStyle: "medium", timeZone: this.settings.timeZone });
    const day = (iso: string | null) => (iso === null ? "–" : days.format(new Date(iso)));
    return html`<h2 id="facts-title">${t(l, "factsTitle")}</h2>
      <div class="table-scroll" tabindex="0" role="group" aria-labelledby="facts-title">
        <table class="keys facts-table">
          <thead>
            <tr>
              <th scope="col">${t(l, "fact")}</th>
              <th scope="col" class="num">${t(l, "records")}</th>
              <th scope="col">${t(l, "timeSpan")}</th>
              <th scope="col">${t(l, "lastIngest")}</th>
            </tr>
          </thead>
          <tbody>
            ${this.facts.map(
              (f) => html`<tr data-fact=${f.fact}>
                <th scope="row">${t(l, `fact_${f.fact as QueryFact}`)} <code>${f.fact}</code></th>
                <td class="num">${number.format(f.records)}</td>
                <td>${f.first === null ? "–" : html`${day(f.first)} – ${day(f.last)}`}</td>
                <td>${time(f.lastIngestAt)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  private importForm() {
    const l = this.locale;
    const p = this.progress;
    return html`<h2 id="import-title">${t(l, "importTitle")}</h2>
      <p class="hint">${t(l, "importIntro")}</p>
      <label for="csv-file">${t(l, "csvFile")}</label>
      <input id="csv-file" type="file" accept=".csv,text/csv" @change=${this.pick} />
      ${
        this.file
          ? html`<p class="hint">
            ${t(l, "fileRead", { name: this.file.name, columns: this.file.header.length })}
          </p>`
          : nothing
      }
      <label for="import-preset">${t(l, "importAs")}</label>
      <select
        id="import-preset"
        @change=${(e: Event) => this.changed({ preset: (e.target as HTMLSelectElement).value } as Partial<this>)}
      >
        <option value="" ?selected=${!this.preset}>${t(l, "withMapping")}</option>
        <option value="shopify" ?selected=${this.preset === "shopify"}>${t(l, "shopifyPreset")}</option>
      </select>
      ${this.preset ? html`<p class="hint">${t(l, "shopifyHint")}</p>` : this.mappingForm()}
      <div class="row">
        <button type="button" ?disabled=${!this.file || !!p} @click=${() => void this.check()}>
          ${t(l, "checkFile")}
        </button>
        <button type="button" class="primary" ?disabled=${!this.file || !!p} @click=${() => void this.send()}>
          ${t(l, "importFile")}
        </button>
      </div>
      ${
        p
          ? html`<label for="import-progress">${t(l, p.phase === "checking" ? "checkingRows" : "sendingRows")}</label>
            <progress id="import-progress" max=${p.of} .value=${p.rows}></progress>`
          : nothing
      }
      <p role="status" class="status" id="import-status">
        ${
          p
            ? t(l, "rowsProgress", { rows: p.rows, of: p.of, inserted: p.inserted })
            : this.status
              ? t(l, this.status.key, this.status.vars)
              : nothing
        }
      </p>
      ${this.checked ? this.sample(this.checked) : nothing} ${this.problems.length ? this.problemTable() : nothing}`;
  }

  private mappingForm() {
    const l = this.locale;
    const header = this.file?.header ?? [];
    const model = factModels[this.fact as QueryFact];
    return html`<div class="row">
        <div>
          <label for="import-fact">${t(l, "importFact")}</label>
          <select
            id="import-fact"
            @change=${(e: Event) => {
              this.changed({ fact: (e.target as HTMLSelectElement).value, sources: {}, fixed: {} } as Partial<this>);
              this.guess();
            }}
          >
            ${optionsOf(
              FACTS.map((f) => [f, `${t(l, `fact_${f}`)} (${f})`]),
              this.fact,
            )}
          </select>
        </div>
        <div>
          <label for="import-zone">${t(l, "importZone")}</label>
          <select
            id="import-zone"
            @change=${(e: Event) => this.changed({ timeZone: (e.target as HTMLSelectElement).value } as Partial<this>)}
          >
            ${[...new Set([this.timeZone, ...ZONES])].map(
              (z) => html`<option value=${z} ?selected=${z === this.timeZone}>${z}</option>`,
            )}
          </select>
        </div>
      </div>
      <div class="table-scroll">
        <table class="keys mapping">
          <caption>
            ${t(l, "mappingCaption")}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t(l, "field")}</th>
              <th scope="col">${t(l, "source")}</th>
            </tr>
          </thead>
          <tbody>
            ${Object.values(model.fields).map((f) => {
              const source = this.sources[f.name] ?? "";
              return html`<tr>
                <th scope="row">
                  <code id="map-${f.name}-name">${f.name}</code>
                  <span class="hint">${t(l, `fieldKind_${f.kind}`)}${f.nullable ? "" : ` · ${t(l, "required")}`}</span>
                </th>
                <td>
                  <select
                    id="map-${f.name}"
                    aria-labelledby="map-${f.name}-name"
                    @change=${(e: Event) =>
                      this.changed({
                        sources: { ...this.sources, [f.name]: (e.target as HTMLSelectElement).value },
                      } as Partial<this>)}
                  >
                    <option value="" ?selected=${source === ""}>${t(l, "notImported")}</option>
                    ${header.map((c) => html`<option value=${c} ?selected=${source === c}>${c}</option>`)}
                    <option value=${FIXED} ?selected=${source === FIXED}>${t(l, "fixedValue")}</option>
                  </select>
                  ${source === FIXED ? this.fixedInput(f.name, f.values) : nothing}
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>`;
  }

  private fixedInput(field: string, values: readonly string[] | undefined) {
    const l = this.locale;
    const set = (e: Event) =>
      this.changed({ fixed: { ...this.fixed, [field]: (e.target as HTMLInputElement).value } } as Partial<this>);
    const label = t(l, "fixedValueOf", { field });
    return values
      ? html`<select id="fixed-${field}" aria-label=${label} @change=${set}>
          <option value="" ?selected=${!this.fixed[field]}>–</option>
          ${values.map((v) => html`<option value=${v} ?selected=${this.fixed[field] === v}>${v}</option>`)}
        </select>`
      : html`<input
          id="fixed-${field}"
          aria-label=${label}
          autocomplete="off"
          .value=${this.fixed[field] ?? ""}
          @input=${set}
        />`;
  }

  private sample(checked: Checked) {
    const l = this.locale;
    const columns = [...new Set(checked.sample.flatMap((r) => Object.keys(r)))];
    const cell = (v: unknown) =>
      v === undefined || v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
    return html`<h3 id="sample-title">${t(l, "sampleTitle", { rows: checked.rows })}</h3>
      <div class="table-scroll" tabindex="0" role="group" aria-labelledby="sample-title">
        <table class="keys sample">
          <thead>
            <tr>
              ${columns.map((c) => html`<th scope="col"><code>${c}</code></th>`)}
            </tr>
          </thead>
          <tbody>
            ${checked.sample.map((r) => html`<tr>${columns.map((c) => html`<td>${cell(r[c])}</td>`)}</tr>`)}
          </tbody>
        </table>
      </div>`;
  }

  private problemTable() {
    const l = this.locale;
    const shown = this.problems.slice(0, PROBLEMS_SHOWN);
    return html`<h3 id="problems-title">${t(l, "problemsTitle")}</h3>
      <p class="error" role="alert">${t(l, "nothingWritten")}</p>
      <div class="table-scroll" tabindex="0" role="group" aria-labelledby="problems-title">
        <table class="keys problems">
          <thead>
            <tr>
              <th scope="col">${t(l, "row")}</th>
              <th scope="col">${t(l, "id")}</th>
              <th scope="col">${t(l, "field")}</th>
              <th scope="col">${t(l, "problem")}</th>
            </tr>
          </thead>
          <tbody>
            ${shown.map(
              (p) => html`<tr>
                <td>${p.line ?? "–"}</td>
                <td>${p.id ? html`<code>${p.id}</code>` : "–"}</td>
                <td><code>${p.field}</code></td>
                <td>${p.reason}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${
        this.problems.length > shown.length
          ? html`<p class="hint">${t(l, "moreProblems", { n: this.problems.length - shown.length })}</p>`
          : nothing
      }`;
  }
}

customElements.define("studio-data", StudioData);

// <studio-definitions>: the shop's own KPIs (GET /v1/definitions) and the editor that writes them.
// Each change is tried on the API without saving (POST /v1/definitions/preview): its errors appear
// where they are, an expression's character underlined, and a valid definition shows its value and
// SQL. Saving is PUT /v1/definitions/:id, which gives the definition its next version; its versions
// (GET /v1/definitions/:id/versions) are listed, and an older one opened in the form is saved as the next.
import {
  DIRECTIONS,
  type DefinitionInput,
  dimensionsOf,
  factModels,
  type QueryFact,
  queryFacts,
  type Result,
  UNITS,
} from "@kpikit/core";
import { html, nothing, type PropertyValues, type TemplateResult } from "lit";
import { type Api, ApiError } from "./api.js";
import {
  AGGS,
  type Draft,
  definitionOf,
  draftOf,
  emptyDraft,
  emptyMeasure,
  issuePath,
  KINDS,
  type MeasureDraft,
  measurePaths,
} from "./draft.js";
import { optionsOf, selectsIn, valueIn } from "./controls.js";
import { dateText } from "./format.js";
import { LightElement } from "./light-element.js";
import { LOCALE_NAMES, LOCALES, type Locale, type MessageKey, t } from "./messages.js";
import { type Issue, issuesOf } from "./problems.js";
import type { Catalog } from "./types.js";
import { changedFields, type DefinitionVersion } from "./versions.js";

const RANGES = ["last_30_days", "last_90_days", "ytd", "last_year"] as const;
const EXPLICIT = /^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/;
/** The most changed fields a version's summary names. */
const NAMED_CHANGES = 3;
/** Typing pauses this long before the API is asked. */
const CHECK_AFTER_MS = 350;

interface Preview {
  result: Result;
  sql: { dialect: string; sql: string } | null;
}

type Stored = DefinitionInput & { version?: number };

export class StudioDefinitions extends LightElement {
  static override properties = {
    api: { attribute: false },
    locale: { attribute: false },
    selected: { attribute: false },
    catalog: { state: true },
    own: { state: true },
    draft: { state: true },
    editing: { state: true },
    basis: { state: true },
    range: { state: true },
    issues: { state: true },
    preview: { state: true },
    checking: { state: true },
    status: { state: true },
    error: { state: true },
    versions: { state: true },
  };

  api!: Api;
  locale: Locale = "en";
  /** The KPI the URL names (`#/definitions/aov`): its own definition, or the catalog's to override. */
  selected: string | null = null;
  catalog: Catalog | null = null;
  own: Stored[] = [];
  draft: Draft = emptyDraft();
  /** The stored definition being changed, if any. */
  editing: Stored | null = null;
  /** The built-in definition an override starts from, if any. */
  basis: Stored | null = null;
  range = "last_30_days";
  issues: Issue[] = [];
  preview: Preview | null = null;
  checking = false;
  status: { key: MessageKey; vars?: Record<string, string | number> } | null = null;
  error: string | null = null;
  /** The versions of the definition in the form's id, newest first. */
  versions: DefinitionVersion[] = [];
  /** Each reading of versions' number: an answer to an older one is dropped. */
  private versionsAsked = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Each check's number: an answer to an older one is dropped. */
  private asked = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("locale") || changed.has("api")) void this.load();
    else if (changed.has("selected") && this.selected) void this.openId(this.selected);
  }

  override disconnectedCallback(): void {
    clearTimeout(this.timer);
    super.disconnectedCallback();
  }

  private async load() {
    try {
      const [catalog, own] = await Promise.all([
        this.api.get<Catalog>(`/v1/catalog?locale=${encodeURIComponent(this.locale)}`),
        this.api.get<{ definitions: Stored[] }>("/v1/definitions"),
      ]);
      this.catalog = catalog;
      this.own = own.definitions;
      if (this.selected && !this.editing && !this.basis) void this.openId(this.selected);
    } catch (e) {
      this.error = e instanceof ApiError ? e.detail : String(e);
    }
  }

  private edit(patch: Partial<Draft>) {
    this.draft = { ...this.draft, ...patch };
    this.status = null;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(), CHECK_AFTER_MS);
  }

  private editMeasure(slot: "measure" | "numerator" | "denominator", patch: Partial<MeasureDraft>) {
    this.edit({ [slot]: { ...this.draft[slot], ...patch } });
  }

  private editNamed(index: number, patch: Partial<{ name: string; measure: MeasureDraft }>) {
    this.edit({ measures: this.draft.measures.map((m, i) => (i === index ? { ...m, ...patch } : m)) });
  }

  private query(): Record<string, string> {
    const range = this.range.trim();
    return { range: EXPLICIT.test(range) || (RANGES as readonly string[]).includes(range) ? range : "last_30_days" };
  }

  /** Asks the API to try the form's definition: its errors, or its value and SQL. */
  private async check() {
    const asked = ++this.asked;
    if (!this.draft.id.trim()) {
      this.issues = [];
      this.preview = null;
      return;
    }
    this.checking = true;
    try {
      const preview = await this.api.request<Preview>("POST", "/v1/definitions/preview", {
        definition: definitionOf(this.draft),
        query: { ...this.query(), compare: "none", locale: this.locale },
      });
      if (asked !== this.asked) return;
      this.preview = preview;
      this.issues = [];
      this.error = null;
    } catch (e) {
      if (asked !== this.asked) return;
      this.preview = null;
      this.issues = issuesOf(e);
      this.error = this.issues.length || !(e instanceof Error) ? null : e instanceof ApiError ? e.detail : String(e);
    } finally {
      if (asked === this.asked) this.checking = false;
    }
  }

  private async save(e: SubmitEvent) {
    e.preventDefault();
    clearTimeout(this.timer);
    this.asked++;
    this.status = null;
    this.error = null;
    const definition = definitionOf(this.draft);
    try {
      const saved = await this.api.request<{ definition: Stored }>(
        "PUT",
        `/v1/definitions/${encodeURIComponent(definition.id)}`,
        definition,
      );
      this.issues = [];
      this.editing = saved.definition;
      this.status = { key: "savedVersion", vars: { version: saved.definition.version ?? 1 } };
      await Promise.all([this.load(), this.loadVersions(saved.definition.id)]);
    } catch (err) {
      this.issues = issuesOf(err);
      this.preview = null;
      this.error = err instanceof ApiError ? err.detail : String(err);
    }
  }

  private override() {
    const id = this.querySelector<HTMLSelectElement>("#override-from")?.value;
    if (id) void this.openId(id);
  }

  /** A KPI's definition in the form: its own, or a built-in one, which saved becomes the shop's version of it. */
  private async openId(id: string) {
    try {
      const { definition, builtIn } = await this.api.get<{ definition: Stored; builtIn: boolean }>(
        `/v1/definitions/${encodeURIComponent(id)}`,
      );
      if (builtIn) this.open(null, definition);
      else this.open(definition);
    } catch (e) {
      this.error = e instanceof ApiError ? e.detail : String(e);
    }
  }

  private open(def: Stored | null, basis: Stored | null = null) {
    this.editing = def;
    this.basis = basis;
    const start = def ?? basis;
    this.draft = start ? draftOf(start) : emptyDraft();
    this.issues = [];
    this.preview = null;
    this.status = null;
    this.error = null;
    this.versions = [];
    if (start) void Promise.all([this.check(), this.loadVersions(start.id)]);
    void this.updateComplete.then(() => this.querySelector<HTMLElement>("#definition-title")?.focus());
  }

  private async loadVersions(id: string) {
    const asked = ++this.versionsAsked;
    try {
      const { versions } = await this.api.get<{ versions: DefinitionVersion[] }>(
        `/v1/definitions/${encodeURIComponent(id)}/versions`,
      );
      if (asked === this.versionsAsked) this.versions = versions;
    } catch (e) {
      if (asked === this.versionsAsked) this.error = e instanceof ApiError ? e.detail : String(e);
    }
  }

  /** An older version in the form: the stored definition stays the one being changed, so saving makes the next. */
  private openVersion(v: DefinitionVersion) {
    this.draft = draftOf(v.definition);
    this.issues = [];
    this.preview = null;
    this.error = null;
    void this.check();
    const next = ((this.editing ?? this.basis)?.version ?? 0) + 1;
    this.status = { key: "versionOpened", vars: { version: v.version, next } };
    void this.updateComplete.then(() => this.querySelector<HTMLElement>("#definition-title")?.focus());
  }

  /** What a version changed from the one before it, in a few words. */
  private changeText(index: number): string {
    const l = this.locale;
    const v = this.versions[index]!;
    const before = this.versions[index + 1];
    if (v.deleted) return t(l, "versionDeleted");
    if (!before) return t(l, "versionFirst");
    if (before.deleted) return t(l, "versionChanged", { fields: "id" });
    const fields = changedFields(before.definition, v.definition);
    if (!fields.length) return t(l, "versionUnchanged");
    const named = fields.slice(0, NAMED_CHANGES).join(", ");
    return t(l, "versionChanged", { fields: fields.length > NAMED_CHANGES ? `${named}, …` : named });
  }

  private versionList() {
    const l = this.locale;
    if (!this.versions.length) return nothing;
    return html`<section class="versions" aria-labelledby="def-versions-title">
      <h3 id="def-versions-title">${t(l, "versionsTitle")}</h3>
      <p class="hint">${t(l, "versionsHint")}</p>
      <ol class="plain definitions">
        ${this.versions.map(
          (v, i) => html`<li>
            <strong id="def-version-${i}">${t(l, "version", { version: v.version })}</strong>
            ${
              v.savedAt
                ? html`<time datetime=${v.savedAt}>${dateText(l, v.savedAt)}</time>`
                : html`<span>${t(l, "versionUndated")}</span>`
            }
            <span class="hint">${this.changeText(i)}</span>
            ${
              i === 0 && !v.deleted && this.editing
                ? html`<span class="tag">${t(l, "versionCurrent")}</span>`
                : html`<button
                    type="button"
                    class="link"
                    aria-describedby="def-version-${i}"
                    @click=${() => this.openVersion(v)}
                  >
                    ${t(l, "openVersion")}
                  </button>`
            }
          </li>`,
        )}
      </ol>
    </section>`;
  }

  protected override render() {
    const l = this.locale;
    return html`<h1 tabindex="-1">${t(l, "definitionsTitle")}</h1>
      <p class="lead">${t(l, "definitionsIntro")}</p>
      <div class="embed">
        <section class="card-box" aria-labelledby="own-title">${this.list()}</section>
        <section class="card-box" aria-labelledby="definition-title">${this.form()}</section>
      </div>`;
  }

  private list() {
    const l = this.locale;
    return html`<h2 id="own-title">${t(l, "ownKpis")}</h2>
      ${
        this.own.length
          ? html`<ul class="plain definitions">
            ${this.own.map(
              (d) => html`<li>
                <button
                  type="button"
                  class="link"
                  aria-current=${this.editing?.id === d.id ? "true" : "false"}
                  @click=${() => this.open(d)}
                >
                  ${d.labels[l] ?? d.labels.en} <code>${d.id}</code>
                </button>
                <span class="tag">${t(l, "version", { version: d.version ?? 1 })}</span>
              </li>`,
            )}
          </ul>`
          : html`<p>${t(l, "noOwn")}</p>`
      }
      <button type="button" @click=${() => this.open(null)}>${t(l, "newKpi")}</button>
      <div class="row">
        <div>
          <label for="override-from">${t(l, "overrideFrom")}</label>
          <select id="override-from">
            ${optionsOf(
              (this.catalog?.metrics ?? []).filter((m) => m.builtIn).map((m) => [m.id, `${m.label} (${m.id})`]),
              "",
            )}
          </select>
        </div>
        <button type="button" @click=${this.override}>${t(l, "overrideButton")}</button>
      </div>`;
  }

  private form() {
    const l = this.locale;
    const d = this.draft;
    const builtIn = this.catalog?.metrics.some((m) => m.builtIn && m.id === d.id.trim());
    const select = selectsIn(l);
    return html`<h2 id="definition-title" tabindex="-1">
        ${this.editing ? t(l, "editKpi", { id: this.editing.id }) : t(l, "newKpi")}
      </h2>
      ${
        this.editing || this.basis
          ? html`<p class="hint">
            ${t(l, this.editing ? "versionNote" : "builtInNote", {
              id: (this.editing ?? this.basis)!.id,
              version: (this.editing ?? this.basis)!.version ?? 1,
              next: ((this.editing ?? this.basis)!.version ?? 1) + 1,
            })}
          </p>`
          : nothing
      }
      ${this.versionList()}
      <form @submit=${this.save} novalidate>
        ${this.text("def-id", "kpiId", d.id, (v) => this.edit({ id: v }), ["id"], { hint: "kpiIdHint" })}
        ${builtIn ? html`<p class="hint">${t(l, "overrides")}</p>` : nothing}
        <fieldset>
          <legend>${t(l, "kpiName")}</legend>
          ${LOCALES.map((code) =>
            this.text(
              `def-label-${code}`,
              null,
              d.labels[code] ?? "",
              (v) => this.edit({ labels: { ...d.labels, [code]: v } }),
              [`labels.${code}`],
              { label: LOCALE_NAMES[code], lang: code },
            ),
          )}
        </fieldset>
        ${select(
          "def-kind",
          "kpiKind",
          d.kind,
          KINDS.map((k) => [k, t(l, `kind_${k}`)]),
          (v) => this.edit({ kind: v as Draft["kind"] }),
        )}
        <p class="hint">${t(l, `kindHint_${d.kind}`)}</p>
        ${this.body()}
        <div class="row">
          <div>
            ${select(
              "def-unit",
              "unit",
              d.unit,
              UNITS.map((u) => [u, t(l, `unit_${u}`, { currency: "" }).replace(/\s*\(\)$/, "")]),
              (v) => this.edit({ unit: v }),
            )}
          </div>
          ${
            d.unit === "currency"
              ? html`<div>
                ${this.text("def-currency", "currencyOptional", d.currency, (v) => this.edit({ currency: v }), [
                  "currency",
                ])}
              </div>`
              : nothing
          }
          <div>
            ${select(
              "def-better",
              "direction",
              d.better,
              DIRECTIONS.map((b) => [b, t(l, `better_${b}`)]),
              (v) => this.edit({ better: v }),
            )}
          </div>
        </div>
        <div class="row">
          <div>
            ${this.text(
              "def-warning",
              "warningAt",
              d.warning,
              (v) => this.edit({ warning: v }),
              ["thresholds.warning"],
              {
                inputmode: "decimal",
              },
            )}
          </div>
          <div>
            ${this.text(
              "def-critical",
              "criticalAt",
              d.critical,
              (v) => this.edit({ critical: v }),
              ["thresholds.critical"],
              {
                inputmode: "decimal",
              },
            )}
          </div>
        </div>
        ${this.dimensionChoice()} ${this.previewPart()}
        <div class="row">
          <button type="submit" class="primary">${t(l, "saveKpi")}</button>
        </div>
        <p role="status" class="status">${this.status ? t(l, this.status.key, this.status.vars) : nothing}</p>
        ${this.error ? html`<p class="error" role="alert">${t(l, "failed", { detail: this.error })}</p>` : nothing}
      </form>`;
  }

  private body() {
    const d = this.draft;
    const l = this.locale;
    switch (d.kind) {
      case "measure":
        return this.measure("measure", t(l, "measure"));
      case "ratio":
        return html`${this.measure("numerator", t(l, "numerator"))}${this.measure("denominator", t(l, "denominator"))}`;
      case "snapshot":
        return html`${this.measure("numerator", t(l, "numerator"))}
        ${this.measure("denominator", t(l, "denominatorOptional"), true)}`;
      case "rolling":
        return html`<div class="row">
            <div>
              ${this.text("def-days", "rollingDays", d.days, (v) => this.edit({ days: v }), ["days"], {
                inputmode: "numeric",
              })}
            </div>
            <div>
              <label for="def-rolling-of">${t(l, "rollingOf")}</label>
              <select
                id="def-rolling-of"
                @change=${(e: Event) => this.edit({ rollingOf: valueIn(e) as Draft["rollingOf"] })}
              >
                ${optionsOf(
                  (["measure", "ratio"] as const).map((k) => [k, t(l, `kind_${k}`)]),
                  d.rollingOf,
                )}
              </select>
            </div>
          </div>
          ${
            d.rollingOf === "ratio"
              ? html`${this.measure("numerator", t(l, "numerator"))}${this.measure("denominator", t(l, "denominator"))}`
              : this.measure("measure", t(l, "measure"))
          }`;
      case "derived":
        return html`${this.text("def-expr", "expression", d.expr, (v) => this.edit({ expr: v }), ["expr"], {
          hint: "expressionHint",
        })}
          ${d.measures.map((m, i) => this.named(m, i))}
          <button
            type="button"
            @click=${() => this.edit({ measures: [...d.measures, { name: this.freeName(), measure: emptyMeasure() }] })}
          >
            ${t(l, "addMeasure")}
          </button>`;
    }
  }

  private freeName(): string {
    const used = new Set(this.draft.measures.map((m) => m.name));
    return "abcdefghijklmnopqrstuvwxyz".split("").find((c) => !used.has(c)) ?? `m${used.size + 1}`;
  }

  private named(m: { name: string; measure: MeasureDraft }, index: number) {
    const l = this.locale;
    return html`<div class="named-measure">
      ${this.text(`def-m${index}-name`, "measureName", m.name, (v) => this.editNamed(index, { name: v }), [
        `measures.${m.name}`,
      ])}
      ${this.measureFields(
        `m${index}`,
        m.measure,
        (patch) => this.editNamed(index, { measure: { ...m.measure, ...patch } }),
        m.name,
        t(l, "measureNamed", { name: m.name }),
      )}
      <button
        type="button"
        class="danger"
        @click=${() => this.edit({ measures: this.draft.measures.filter((_, i) => i !== index) })}
      >
        ${t(l, "remove", { name: m.name })}
      </button>
    </div>`;
  }

  private measure(slot: "measure" | "numerator" | "denominator", legend: string, optional = false) {
    return this.measureFields(slot, this.draft[slot], (patch) => this.editMeasure(slot, patch), slot, legend, optional);
  }

  /** A measure's fact, aggregation, field, filter and time, with the fact's fields and dimensions from its schema. */
  private measureFields(
    key: string,
    m: MeasureDraft,
    set: (patch: Partial<MeasureDraft>) => void,
    slot: string,
    legend: string,
    optional = false,
  ): TemplateResult {
    const l = this.locale;
    const model = m.fact ? factModels[m.fact as QueryFact] : undefined;
    const fields = model ? Object.values(model.fields) : [];
    const times = fields.filter((f) => f.kind === "timestamp" || f.kind === "date");
    const paths = (part: string) => measurePaths(this.draft, slot, part);
    return html`<fieldset class="measure">
      <legend>${legend}</legend>
      <div class="row">
        <div>
          <label for="def-${key}-fact">${t(l, "fact")}</label>
          <select id="def-${key}-fact" @change=${(e: Event) => set({ fact: valueIn(e), field: "", time: "" })}>
            ${optional ? html`<option value="" ?selected=${!m.fact}>${t(l, "none")}</option>` : nothing}
            ${optionsOf(
              queryFacts.map((f) => [f, `${t(l, `fact_${f}`)} (${f})`]),
              m.fact,
            )}
          </select>
        </div>
        ${
          model
            ? html`<div>
              <label for="def-${key}-agg">${t(l, "aggregation")}</label>
              <select id="def-${key}-agg" @change=${(e: Event) => set({ agg: valueIn(e) as MeasureDraft["agg"] })}>
                ${AGGS.map((a) => html`<option value=${a} ?selected=${a === m.agg}>${t(l, `agg_${a}`)}</option>`)}
              </select>
            </div>`
            : nothing
        }
      </div>
      ${
        model && m.agg !== "target"
          ? html`${
              m.agg === "count"
                ? nothing
                : this.text(`def-${key}-field`, "field", m.field, (v) => set({ field: v }), paths("field"), {
                    list: `fields-${m.fact}`,
                    hint: "fieldHint",
                  })
            }
            ${this.text(`def-${key}-where`, "where", m.where, (v) => set({ where: v }), paths("where"), {
              list: undefined,
              hint: "whereHint",
            })}
            <label for="def-${key}-time">${t(l, "timeField")}</label>
            <select id="def-${key}-time" @change=${(e: Event) => set({ time: (e.target as HTMLSelectElement).value })}>
              <option value="" ?selected=${!m.time}>${t(l, "timeDefault", { field: model.time })}</option>
              ${times.map((f) => html`<option value=${f.name} ?selected=${f.name === m.time}>${f.name}</option>`)}
            </select>
            <datalist id="fields-${m.fact}">${fields.map((f) => html`<option value=${f.name}></option>`)}</datalist>
            <details class="fields">
              <summary>${t(l, "fieldsOf", { fact: m.fact })}</summary>
              <ul class="plain">
                ${fields.map(
                  (f) => html`<li>
                    <code>${f.name}</code> · ${t(l, `fieldKind_${f.kind}`)}${
                      f.values ? html` · ${f.values.map((v, i) => html`${i ? ", " : ""}<code>'${v}'</code>`)}` : nothing
                    }
                  </li>`,
                )}
              </ul>
            </details>`
          : nothing
      }
    </fieldset>`;
  }

  private dimensionChoice() {
    const l = this.locale;
    const d = this.draft;
    const first =
      d.kind === "derived"
        ? d.measures[0]?.measure
        : d.kind === "measure" || (d.kind === "rolling" && d.rollingOf === "measure")
          ? d.measure
          : d.numerator;
    const offered = first?.fact ? dimensionsOf(first.fact as QueryFact) : [];
    if (!offered.length) return nothing;
    const label = (id: string) => this.catalog?.dimensions.find((x) => x.id === id)?.label ?? id;
    return html`<fieldset>
      <legend>${t(l, "dimensionsTitle")}</legend>
      <p class="hint">${t(l, "dimensionsHint")}</p>
      ${offered.map(
        (dim) => html`<label class="check"
          ><input
            type="checkbox"
            name="dimension"
            value=${dim}
            .checked=${d.dimensions.includes(dim)}
            @change=${(e: Event) =>
              this.edit({
                dimensions: (e.target as HTMLInputElement).checked
                  ? [...d.dimensions, dim]
                  : d.dimensions.filter((x) => x !== dim),
              })}
          />${label(dim)} <code>${dim}</code></label
        >`,
      )}
    </fieldset>`;
  }

  private previewPart() {
    const l = this.locale;
    const p = this.preview;
    return html`<section class="definition-preview" aria-labelledby="def-preview-title">
      <h3 id="def-preview-title">${t(l, "previewTitle")}</h3>
      <label for="def-range">${t(l, "previewRange")}</label>
      <input
        id="def-range"
        list="def-ranges"
        autocomplete="off"
        aria-describedby="def-range-hint"
        .value=${this.range}
        @input=${(e: Event) => {
          this.range = (e.target as HTMLInputElement).value;
          clearTimeout(this.timer);
          this.timer = setTimeout(() => void this.check(), CHECK_AFTER_MS);
        }}
      />
      <datalist id="def-ranges">${RANGES.map((r) => html`<option value=${r}></option>`)}</datalist>
      <p class="hint" id="def-range-hint">${t(l, "previewRangeHint")}</p>
      <div aria-live="polite" class="preview-answer">
        ${
          this.issues.length
            ? html`<p class="error">${t(l, "definitionProblems")}</p>
              <ul class="problems">
                ${this.issues.map(
                  (i) => html`<li><code>${issuePath(i.path, this.draft.id.trim())}</code>: ${i.message}</li>`,
                )}
              </ul>`
            : p
              ? html`<p class="preview-value">
                  ${t(l, "previewValue", {
                    range: `${p.result.range.start.slice(0, 10)}..${p.result.range.end.slice(0, 10)}`,
                  })}
                  <strong>${p.result.formatted.value ?? t(l, "noValue")}</strong>
                </p>`
              : html`<p class="hint">${this.checking ? t(l, "checking") : t(l, "previewEmpty")}</p>`
        }
      </div>
      ${
        p?.sql
          ? html`<pre class="code" id="def-sql" tabindex="0" aria-label=${t(l, "sqlTitle")}><code>${
              p.sql.sql
            }</code></pre>`
          : nothing
      }
    </section>`;
  }

  /**
   * A text field with its label, and the API's problem with it below it: for an expression, the
   * text with the character the API stopped at underlined.
   */
  private text(
    id: string,
    label: MessageKey | null,
    value: string,
    set: (v: string) => void,
    paths: readonly string[],
    options: { hint?: MessageKey; label?: string; lang?: string; list?: string | undefined; inputmode?: string } = {},
  ) {
    const l = this.locale;
    const issue = this.issues.find((i) => paths.includes(issuePath(i.path, this.draft.id.trim())));
    const described = [options.hint ? `${id}-hint` : "", issue ? `${id}-error` : ""].filter(Boolean).join(" ");
    return html`<label for=${id} lang=${options.lang ?? nothing}>${options.label ?? (label ? t(l, label) : "")}</label>
      <input
        id=${id}
        autocomplete="off"
        spellcheck="false"
        list=${options.list ?? nothing}
        inputmode=${options.inputmode ?? nothing}
        aria-invalid=${issue ? "true" : "false"}
        aria-describedby=${described || nothing}
        .value=${value}
        @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
      />
      ${options.hint ? html`<p class="hint" id="${id}-hint">${t(l, options.hint)}</p>` : nothing}
      ${issue ? this.issueText(id, issue, value) : nothing}`;
  }

  private issueText(id: string, issue: Issue, value: string) {
    const l = this.locale;
    if (issue.position === undefined) return html`<p class="error field-error" id="${id}-error">${issue.message}</p>`;
    // The API read the text trimmed: its position counts from the first character that is not a space.
    const at = issue.position - 1 + (value.length - value.trimStart().length);
    const before = value.slice(0, at);
    const bad = value.slice(at, at + 1) || " ";
    return html`<div class="error field-error" id="${id}-error">
      <p>${t(l, "atCharacter", { message: issue.message, position: issue.position })}</p>
      <pre class="expr" aria-hidden="true"><code>${before}<mark class="bad">${bad}</mark>${value.slice(
        at + 1,
      )}</code></pre>
    </div>`;
  }
}

customElements.define("studio-definitions", StudioDefinitions);

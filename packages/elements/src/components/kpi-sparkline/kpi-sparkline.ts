import type { Result } from "@kpikit/core";
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import { KpiElement } from "../../internal/kpi-element.js";
import { extentOf, sparklineSvg } from "../../internal/sparkline.js";
import { themeStyles } from "../../internal/styles.js";
import { text } from "../../internal/texts.js";
import { valueFormat } from "../../internal/value-format.js";
import { sparklineStyles } from "./kpi-sparkline.styles.js";

/** Sparklines that share a y-scale, by group name. */
const groups = new Map<string, Set<KpiSparkline>>();

/**
 * An inline sparkline of a KPI's series. Sparklines with the same `group` share one y-scale, so
 * that a row of them compares at a glance.
 *
 * @tag kpi-sparkline
 * @csspart base - The wrapper.
 * @csspart sparkline - The SVG.
 * @cssproperty --kpi-sparkline-width - Width (default 6rem).
 * @cssproperty --kpi-sparkline-height - Height (default 1.5rem).
 * @cssproperty --kpi-sparkline-color - Line colour.
 */
export class KpiSparkline extends KpiElement {
  static override styles = [themeStyles, sparklineStyles];
  static override properties: PropertyDeclarations = {
    group: { reflect: true },
  };

  /** Sparklines with the same group name share their y-scale. */
  declare group: string | undefined;
  private joined: string | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.leave();
  }

  private leave(): void {
    if (this.joined === undefined) return;
    const members = groups.get(this.joined);
    members?.delete(this);
    if (members?.size === 0) groups.delete(this.joined);
    for (const m of members ?? []) m.requestUpdate();
    this.joined = undefined;
  }

  /** This sparkline's own values. */
  private values(): (number | null)[] {
    return this.result?.series.map((p) => p.value) ?? [];
  }

  /** The y-domain: across the group when in one. */
  private domain(): [number, number] | null {
    const members = this.group ? groups.get(this.group) : undefined;
    if (!members) return extentOf(this.values());
    return extentOf([...members].flatMap((m) => m.values()));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has("group") && this.group !== this.joined) {
      this.leave();
      if (this.group && this.isConnected) {
        let members = groups.get(this.group);
        if (!members) groups.set(this.group, (members = new Set()));
        members.add(this);
        this.joined = this.group;
      }
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if ((changed as PropertyValues).has("result") && this.joined)
      for (const m of groups.get(this.joined) ?? []) if (m !== this) m.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && this.group) this.requestUpdate("group", undefined);
  }

  protected override renderSkeleton(): TemplateResult {
    return html`<span class="skeleton"></span>`;
  }

  protected override renderResult(r: Result): TemplateResult {
    const locale = this.effectiveLocale;
    const values = this.values();
    const first = values.find((v) => v !== null) ?? null;
    const last = values.findLast((v) => v !== null) ?? null;
    // The first and last points of the series, which a result carries unformatted.
    const fmt = valueFormat(r, locale);
    // Too small for the other widgets' stale badge: the line fades, and says why on hover and to screen readers.
    const stale = this.stale ? text("stale", locale) : "";
    const label = `${this.labelOf(r)}: ${fmt(first)} → ${fmt(last)}${stale ? ` (${stale})` : ""}`;
    const line = sparklineSvg(values, this.domain(), r.series.at(-1)?.partial === true);
    return html`<span
      part="base"
      class="base ${stale ? "stale" : ""}"
      title=${stale || nothing}
      role="img"
      aria-label=${label}
      >${line}${stale ? html`<span part="stale" class="visually-hidden">${stale}</span>` : nothing}</span
    >`;
  }
}

if (!customElements.get("kpi-sparkline")) customElements.define("kpi-sparkline", KpiSparkline);

declare global {
  interface HTMLElementTagNameMap {
    "kpi-sparkline": KpiSparkline;
  }
}

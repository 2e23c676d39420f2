// The build for a <script> tag (dist/kpikit.js and its chunks, which the test task builds first): its
// styles against the source's, since a minifier that mangles CSS breaks pages without failing any
// source test, and the chunks it imports when first needed, found beside it (live updates, a
// locale's words).
import { expect, fixture, html } from "@open-wc/testing";
import type { CSSResult, LitElement } from "lit";
import * as source from "./index.js";
import { next, pageErrors, part, requestCounts, result, testApi, uniqueNow } from "../test/support.js";

type Elements = Record<"KpiCard" | "KpiGauge" | "KpiTrend" | "KpiSparkline" | "KpiProvider", typeof LitElement>;

const BUNDLE = "/dist/kpikit.js";
let bundle: Elements;
before(async () => {
  bundle = (await import(BUNDLE)) as Elements;
});
afterEach(() => expect(pageErrors()).to.deep.equal([]));

/** Each rule as the browser parsed it: where it applies and how many properties it sets. */
function rulesOf(styles: unknown): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    [styles]
      .flat()
      .map((s) => (s as CSSResult).cssText)
      .join("\n"),
  );
  const walk = (rules: CSSRuleList): string[] =>
    [...rules].flatMap((rule) => {
      // A selector list's order does not matter, and minifiers sort it.
      if (rule instanceof CSSStyleRule)
        return [
          `${rule.selectorText
            .split(/,\s*(?![^(]*\))/)
            .sort()
            .join(", ")} (${rule.style.length})`,
        ];
      if (rule instanceof CSSConditionRule)
        return [`@${rule.constructor.name} ${rule.conditionText}`, ...walk(rule.cssRules).map((r) => `  ${r}`)];
      if (rule instanceof CSSKeyframesRule) return [`@keyframes ${rule.name}`, ...walk(rule.cssRules)];
      if (rule instanceof CSSKeyframeRule) return [`${rule.keyText} (${rule.style.length})`];
      return [rule.cssText];
    });
  return walk(sheet.cssRules);
}

describe("dist/kpikit.js", () => {
  for (const name of ["KpiCard", "KpiGauge", "KpiTrend", "KpiSparkline", "KpiProvider"] as const) {
    it(`keeps every style rule of ${name}`, () => {
      // biome-ignore lint/performance/noDynamicNamespaceImportAccess: a test compares every element of both modules
      expect(rulesOf(bundle[name].styles)).to.deep.equal(rulesOf(source[name].styles));
    });
  }

  // The source defined <kpi-card> first; the bundle's class is used here under another name.
  before(() => customElements.define("bundled-kpi-card", class extends bundle.KpiCard {}));

  it("keeps the unit after an expression in a style attribute (the target bar's width)", async () => {
    const data = result({ target: { value: 75, attainment: 0.8 } });
    const el = await fixture<LitElement>(
      html`<bundled-kpi-card style="inline-size: 400px" locale="en" .data=${data}></bundled-kpi-card>`,
    );
    await el.updateComplete;
    const width = (selector: string) => el.shadowRoot!.querySelector(selector)!.getBoundingClientRect().width;
    expect(width(".bar") / width(".track")).to.be.closeTo(0.8, 0.01);
  });

  it("speaks Russian with the words of its chunk", async () => {
    const data = result({}, "ru");
    const el = await fixture<LitElement>(html`<bundled-kpi-card locale="ru" .data=${data}></bundled-kpi-card>`);
    await el.updateComplete;
    expect(part(el, "comparison")).to.equal("к предыдущему периоду");
  });

  it("follows a KPI live with the stream reader of its chunk", async () => {
    const api = await testApi();
    const stream = "GET /v1/metrics/orders/stream";
    const before = (await requestCounts())[stream] ?? 0;
    const el = document.createElement("bundled-kpi-card") as LitElement & { live: boolean };
    Object.assign(el, {
      live: true,
      metric: "orders",
      endpoint: api.endpoint,
      token: api.token,
      range: "2026-03-09..2026-03-10",
      tz: "UTC",
      now: uniqueNow(),
    });
    // The query's answer, then the stream's first event, which repeats the current value.
    const loads = next(el, "kpi-load").then(() => next(el, "kpi-load"));
    document.body.append(el);
    await loads;
    expect((await requestCounts())[stream]).to.be.above(before);
    el.remove();
  });
});

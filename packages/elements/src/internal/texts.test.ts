// A locale other than English: its words load when a widget first speaks it, and until they arrive
// the widget shows its loading state, with no English in it. This file's page has loaded none yet.
import { expect } from "@open-wc/testing";
import type { LitElement } from "lit";
import { KpiCard } from "../components/kpi-card/kpi-card.js";
import { KpiRange } from "../components/kpi-range/kpi-range.js";
import { pageErrors, part, result } from "../../test/support.js";

afterEach(() => expect(pageErrors()).to.deep.equal([]));

/** What an element showed when it first rendered. */
function firstRenderOf(base: typeof LitElement, tag: string) {
  const seen: { html?: string } = {};
  customElements.define(
    tag,
    class extends base {
      protected override firstUpdated(): void {
        seen.html = this.shadowRoot!.innerHTML;
      }
    },
  );
  return seen;
}

describe("the words of a locale other than English", () => {
  it("a card shows its loading state, not English, until they arrive, then them", async () => {
    const seen = firstRenderOf(KpiCard, "first-render-card");
    const el = Object.assign(document.createElement("first-render-card") as KpiCard, {
      locale: "ms-MY",
      data: result({}, "ms"),
    });
    document.body.append(el);
    await el.updateComplete;
    expect(seen.html).to.contain('aria-busy="true"').and.not.contain("previous").and.not.contain("Loading");
    expect(part(el, "comparison")).to.equal("berbanding tempoh sebelumnya");
    el.remove();
  });

  it("a range picker holds its place with no words until they arrive", async () => {
    const seen = firstRenderOf(KpiRange, "first-render-range");
    const el = Object.assign(document.createElement("first-render-range") as KpiRange, { locale: "zh-TW" });
    document.body.append(el);
    await el.updateComplete;
    expect(seen.html).to.contain('aria-busy="true"').and.not.contain("<select");
    expect(part(el, "label")).to.equal("日期範圍");
    el.remove();
  });

  it("words already loaded show at once", async () => {
    const el = Object.assign(document.createElement("kpi-card") as KpiCard, {
      locale: "ms",
      data: result({}, "ms"),
    });
    document.body.append(el);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(part(el, "comparison")).to.equal("berbanding tempoh sebelumnya");
    el.remove();
  });
});

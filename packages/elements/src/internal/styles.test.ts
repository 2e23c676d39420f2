// The shared styles (styles.ts) as a page meets them: its own text properties do not leak into a
// widget, long labels take two lines at most, and widgets side by side line up.
import { expect, fixture, html } from "@open-wc/testing";
import "../index.js";
import { pageErrors, result } from "../../test/support.js";

afterEach(() => expect(pageErrors()).to.deep.equal([]));

const inside = (host: Element, selector: string) => host.shadowRoot!.querySelector<HTMLElement>(selector)!;
const box = (host: Element, selector: string) => inside(host, selector).getBoundingClientRect();
const LONG = "Revenue from repeat customers in the online store, net of refunds and cancelled orders";

describe("shared widget styles", () => {
  it("reset the page's text properties at the host", async () => {
    const page = await fixture(html`<div
      style="text-align: center; letter-spacing: 3px; text-transform: uppercase; font-style: italic; line-height: 3"
    >
      <kpi-card .data=${result()}></kpi-card>
      <kpi-trend .data=${result()}></kpi-trend>
      <kpi-gauge .data=${result()}></kpi-gauge>
      <kpi-sparkline .data=${result()}></kpi-sparkline>
    </div>`);
    for (const el of page.children) {
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const label = el.shadowRoot!.querySelector("[part~=label]") ?? inside(el, "[part~=base]");
      const style = getComputedStyle(label);
      expect([style.letterSpacing, style.textTransform, style.fontStyle], el.localName).to.deep.equal([
        "normal",
        "none",
        "normal",
      ]);
      // The gauge centres its own content; the others start where the language starts.
      if (el.localName !== "kpi-gauge") expect(style.textAlign, el.localName).to.equal("start");
    }
  });

  it("clamp a long label to two lines, the whole label in its title", async () => {
    const data = result({ metric: { label: LONG } });
    for (const tag of ["trend", "gauge", "card"]) {
      const el = await fixture(
        tag === "trend"
          ? html`<kpi-trend style="width: 220px" .data=${data}></kpi-trend>`
          : tag === "gauge"
            ? html`<kpi-gauge style="width: 220px" .data=${data}></kpi-gauge>`
            : html`<kpi-card style="width: 220px" .data=${data}></kpi-card>`,
      );
      const label = inside(el, "[part~=label]");
      const line = Number.parseFloat(getComputedStyle(label).lineHeight);
      expect(label.getBoundingClientRect().height, tag).to.be.at.most(2 * line + 1);
      expect(label.scrollHeight, tag).to.be.above(2 * line);
      if (tag !== "card") expect(label.title, tag).to.equal(LONG);
    }
  });

  it("colour a previous period where a widget draws one, as --kpi-color-previous says", async () => {
    const steps = [
      result({ metric: { id: "sessions" }, value: 100, previous: 80 }),
      result({ value: 10, previous: 8 }),
    ];
    const page = await fixture(html`<div>
      <kpi-funnel .data=${steps}></kpi-funnel>
      <kpi-funnel style="--kpi-color-previous: rgb(1, 2, 3)" .data=${steps}></kpi-funnel>
    </div>`);
    const [plain, themed] = [...page.children];
    await Promise.all(
      [...page.children].map((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete),
    );
    const previous = (el: Element) => getComputedStyle(inside(el, "[part~=previous-bar]")).backgroundColor;
    expect(previous(plain!)).to.equal("rgb(110, 119, 129)");
    expect(previous(themed!)).to.equal("rgb(1, 2, 3)");
  });

  it("line up widgets side by side: one height, the charts at the bottom", async () => {
    const long = result({ metric: { label: LONG } });
    const row = await fixture(html`<div style="display: grid; grid-template-columns: 1fr 1fr; gap: 8px; width: 640px">
      <kpi-card .data=${long}></kpi-card>
      <kpi-card .data=${result()}></kpi-card>
      <kpi-trend .data=${result()}></kpi-trend>
      <kpi-gauge .data=${result({ target: { value: 75, attainment: 0.8 } })}></kpi-gauge>
    </div>`);
    const [longCard, card, trend, gauge] = [...row.children];
    await Promise.all(
      [...row.children].map((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete),
    );
    expect(box(longCard!, ".label").height).to.be.above(box(card!, ".label").height);
    expect(box(longCard!, "[part~=base]").height).to.equal(box(card!, "[part~=base]").height);
    expect(box(longCard!, ".sparkline").top).to.equal(box(card!, ".sparkline").top);
    expect(box(trend!, "[part~=base]").height).to.equal(box(gauge!, "[part~=base]").height);
    // The plot keeps to the frame's bottom, under its padding.
    expect(box(trend!, "[part~=base]").bottom - box(trend!, "[part~=plot]").bottom).to.be.below(20);
  });
});

import { expect, fixture, html } from "@open-wc/testing";
import "../../index.js";
import { pageErrors, result } from "../../../test/support.js";
import type { KpiSparkline } from "./kpi-sparkline.js";

afterEach(() => expect(pageErrors()).to.deep.equal([]));

const series = (...values: (number | null)[]) =>
  result({ series: values.map((value, i) => ({ start: `2026-03-0${i + 1}T00:00:00+00:00`, value, previous: null })) });
const path = (el: KpiSparkline) => el.shadowRoot!.querySelector("path")!.getAttribute("d");

describe("<kpi-sparkline>", () => {
  it("draws the series on its own scale", async () => {
    const el = await fixture<KpiSparkline>(html`<kpi-sparkline .data=${series(10, 20, 15)}></kpi-sparkline>`);
    expect(path(el)).to.equal("M0,96L50,4L100,50");
    expect(el.shadowRoot!.querySelector("[role=img]")!.getAttribute("aria-label")).to.equal(
      "Average order value: $10.00 → $15.00",
    );
  });

  it("shares its y-scale with the sparklines of its group", async () => {
    const root = await fixture(html`<div>
      <kpi-sparkline group="g" .data=${series(10, 20)}></kpi-sparkline>
      <kpi-sparkline group="g" .data=${series(0, 100)}></kpi-sparkline>
      <kpi-sparkline .data=${series(10, 20)}></kpi-sparkline>
    </div>`);
    const [a, b, alone] = [...root.querySelectorAll("kpi-sparkline")];
    await Promise.all([a!.updateComplete, b!.updateComplete]);
    // 10 and 20 on the shared 0..100 scale (y from 96 down to 4).
    expect(path(a!)).to.equal("M0,86.8L100,77.6");
    expect(path(b!)).to.equal("M0,96L100,4");
    expect(path(alone!)).to.equal("M0,96L100,4");
    b!.remove();
    await a!.updateComplete;
    expect(path(a!)).to.equal("M0,96L100,4");
  });

  it("breaks at missing values", async () => {
    const el = await fixture<KpiSparkline>(html`<kpi-sparkline .data=${series(1, 2, null, 3, 4)}></kpi-sparkline>`);
    expect(path(el)).to.equal("M0,96L25,65.33M75,34.67L100,4");
  });

  it("draws the segment into a running last bucket apart, dashed and faded", async () => {
    const running = series(10, 20, 5);
    running.series[2]!.partial = true;
    const el = await fixture<KpiSparkline>(html`<kpi-sparkline .data=${running}></kpi-sparkline>`);
    expect(path(el)).to.equal("M0,65.33L50,4");
    const partial = el.shadowRoot!.querySelector("path.partial")!;
    expect(partial.getAttribute("d")).to.equal("M50,4L100,96");
    expect(partial.getAttribute("stroke-dasharray")).to.match(/^\d/);
  });

  it("joins the known points of a sparse series and marks them", async () => {
    // Half the days without a survey: one line through the others, each marked.
    const el = await fixture<KpiSparkline>(
      html`<kpi-sparkline .data=${series(1, null, null, 4, null, 3)}></kpi-sparkline>`,
    );
    expect(path(el)).to.equal("M0,96L60,4L100,34.67");
    expect(el.shadowRoot!.querySelector("path.marks")!.getAttribute("d")).to.equal(
      "M0,96L0,96M60,4L60,4M100,34.67L100,34.67",
    );
  });

  it("joins across a gap that would leave a point alone, as a dot, and marks the points", async () => {
    // Weekly NPS with two weeks of no survey around one that had some.
    const el = await fixture<KpiSparkline>(
      html`<kpi-sparkline .data=${series(1, 2, null, 4, null, 3)}></kpi-sparkline>`,
    );
    expect(path(el)).to.equal("M0,96L20,65.33L60,4L100,34.67");
    expect(el.shadowRoot!.querySelectorAll("path.marks")).to.have.length(1);
  });

  for (const theme of ["light", "dark"]) {
    it(`passes axe in the ${theme} theme`, async () => {
      await expect(
        await fixture(html`<kpi-sparkline theme=${theme} .data=${series(1, 2, 3)}></kpi-sparkline>`),
      ).to.be.accessible();
    });
  }
});

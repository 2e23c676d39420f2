import { expect, fixture, html } from "@open-wc/testing";
import "../../index.js";
import { next, pageErrors, part, result, testApi, uniqueNow, WEEK } from "../../../test/support.js";
import { ringPath } from "../../internal/paths.js";
import { bandsOf, type KpiGauge } from "./kpi-gauge.js";

afterEach(() => expect(pageErrors()).to.deep.equal([]));

const conversion = (value: number, locale = "en") =>
  result(
    {
      metric: {
        id: "conversion_rate",
        label: "Conversion rate",
        unit: "percent",
        better: "up",
        thresholds: { warning: 0.03, critical: 0.02 },
      },
      value,
      status: value < 0.02 ? "critical" : value < 0.03 ? "warning" : "good",
    },
    locale,
  );

describe("<kpi-gauge>", () => {
  it("is a meter with an Intl-formatted aria-valuetext", async () => {
    const el = await fixture<KpiGauge>(html`<kpi-gauge .data=${conversion(0.025)}></kpi-gauge>`);
    const meter = el.shadowRoot!.querySelector("[role=meter]")!;
    expect(meter.getAttribute("aria-valuenow")).to.equal("0.025");
    expect(meter.getAttribute("aria-valuemin")).to.equal("0");
    // A percentage runs to 100 %.
    expect(meter.getAttribute("aria-valuemax")).to.equal("1");
    expect(meter.getAttribute("aria-valuetext")).to.equal("2.5%, Warning");
    expect(part(el, "value")).to.equal("2.5%");
    const ru = await fixture<KpiGauge>(html`<kpi-gauge locale="ru" .data=${conversion(0.025, "ru")}></kpi-gauge>`);
    expect(ru.shadowRoot!.querySelector("[role=meter]")!.getAttribute("aria-valuetext")).to.equal(
      "2,5\u00a0%, Внимание",
    );
  });

  it("takes any min, max and target", async () => {
    const el = await fixture<KpiGauge>(html`<kpi-gauge min="50" max="90" target="70" .data=${result()}></kpi-gauge>`);
    const meter = el.shadowRoot!.querySelector("[role=meter]")!;
    expect([
      meter.getAttribute("aria-valuemin"),
      meter.getAttribute("aria-valuemax"),
      meter.getAttribute("aria-valuenow"),
    ]).to.deep.equal(["50", "90", "60"]);
    expect(part(el, "target")).to.equal("Target: $70.00");
    // 60 on 50..90 is a quarter of the 240° sweep: the fill runs from -120° to -60°, on radius 92
    // from (92·sin −120°, −92·cos −120°) = (−79.67, 46) to (−79.67, −46).
    const fill = el.shadowRoot!.querySelector(".fill")!.getAttribute("d")!;
    expect(fill).to.match(/^M-79\.67,46A92,92,0,0,1,-79\.67,-46L/);
    expect(el.shadowRoot!.querySelector(".target-mark")).to.exist;
  });

  it("chooses a round max above the value and target when none is given", async () => {
    // The target 75 with 10 % headroom is 82.5, rounded up to the next nice tick: 100.
    const el = await fixture<KpiGauge>(
      html`<kpi-gauge .data=${result({ target: { value: 75, attainment: 0.8 } })}></kpi-gauge>`,
    );
    expect(el.shadowRoot!.querySelector("[role=meter]")!.getAttribute("aria-valuemax")).to.equal("100");
  });

  it("runs over the KPI's own scale: a rating from 1 to 5, NPS from −100 to 100, filled from zero", async () => {
    const meter = (el: KpiGauge) => el.shadowRoot!.querySelector("[role=meter]")!;
    const csat = await fixture<KpiGauge>(
      html`<kpi-gauge
        .data=${result({
          metric: { id: "csat", label: "CSAT", unit: "score", scale: { min: 1, max: 5 } },
          value: 4.3,
          target: { value: 4.5, attainment: 0.96 },
        })}
      ></kpi-gauge>`,
    );
    expect([meter(csat).getAttribute("aria-valuemin"), meter(csat).getAttribute("aria-valuemax")]).to.deep.equal([
      "1",
      "5",
    ]);
    expect([...csat.shadowRoot!.querySelectorAll(".scale-label")].map((t) => t.textContent)).to.deep.equal(["1", "5"]);
    const npsMetric = { id: "nps", label: "NPS", unit: "score" as const, scale: { min: -100, max: 100 } };
    const nps = await fixture<KpiGauge>(
      html`<kpi-gauge .data=${result({ metric: npsMetric, value: -20 })}></kpi-gauge>`,
    );
    expect([meter(nps).getAttribute("aria-valuemin"), meter(nps).getAttribute("aria-valuemax")]).to.deep.equal([
      "-100",
      "100",
    ]);
    // −20 is short of zero: the fill runs from −20 up to zero at 12 o'clock (0, −92), not up from −100.
    const fill = nps.shadowRoot!.querySelector(".fill")!.getAttribute("d")!;
    const [, x, y] = fill.match(/A92,92,0,0,1,([-\d.e]+),([-\d.e]+)L/)!.map(Number);
    expect([x, y].map((n) => Math.round(n! * 100) / 100)).to.deep.equal([0, -92]);
    // From −20: a tenth of the 240° sweep short of 12 o'clock, −24°.
    const [, x0] = fill.match(/^M([-\d.e]+),/)!.map(Number);
    expect(x0).to.be.closeTo(92 * Math.sin((-24 * Math.PI) / 180), 0.01);
  });

  it("takes max in the KPI's own unit: 0.5 for 50 %", async () => {
    const el = await fixture<KpiGauge>(html`<kpi-gauge max="0.5" .data=${conversion(0.025)}></kpi-gauge>`);
    expect(el.shadowRoot!.querySelector("[role=meter]")!.getAttribute("aria-valuemax")).to.equal("0.5");
    expect(el.shadowRoot!.querySelectorAll(".scale-label")[1]!.textContent).to.equal("50%");
    // A percentage that passes 100 % (growth) gets a dial that holds it.
    const growth = await fixture<KpiGauge>(
      html`<kpi-gauge .data=${result({ metric: { unit: "percent", label: "Growth" }, value: 1.4 })}></kpi-gauge>`,
    );
    expect(Number(growth.shadowRoot!.querySelector("[role=meter]")!.getAttribute("aria-valuemax"))).to.be.above(1.4);
  });

  it("draws a ring segment that covers exactly its angles, short and long (past half a turn)", async () => {
    const svgNs = "http://www.w3.org/2000/svg";
    const host = document.createElementNS(svgNs, "svg");
    document.body.append(host);
    const shape = document.createElementNS(svgNs, "path");
    host.append(shape);
    const deg = (d: number) => (d * Math.PI) / 180;
    // A point at the ring's middle radius, at an angle clockwise from 12 o'clock.
    const mid = (d: number) =>
      Object.assign(host.createSVGPoint(), { x: 82 * Math.sin(deg(d)), y: -82 * Math.cos(deg(d)) });
    for (const [from, to] of [
      [-120, -30],
      [-120, 120],
      [10, 200],
    ]) {
      shape.setAttribute("d", ringPath(72, 92, deg(from!), deg(to!)));
      const inside = [from! + 2, (from! + to!) / 2, to! - 2].map((d) => shape.isPointInFill(mid(d)));
      const outside = [from! - 2, to! + 2].map((d) => shape.isPointInFill(mid(d)));
      expect([from, to, inside, outside]).to.deep.equal([from, to, [true, true, true], [false, false]]);
      // Neither inside the hole nor beyond the outer edge.
      const half = deg((from! + to!) / 2);
      const at = (r: number) => Object.assign(host.createSVGPoint(), { x: r * Math.sin(half), y: -r * Math.cos(half) });
      expect([shape.isPointInFill(at(70)), shape.isPointInFill(at(94))]).to.deep.equal([false, false]);
    }
    expect(ringPath(72, 92, 1, 1)).to.equal("");
    host.remove();
  });

  it("draws bands from thresholds, for up- and down-is-better KPIs", async () => {
    expect(bandsOf(0, 1, "up", { warning: 0.03, critical: 0.02 })).to.deep.equal([
      { from: 0, to: 0.02, status: "critical" },
      { from: 0.02, to: 0.03, status: "warning" },
      { from: 0.03, to: 1, status: "good" },
    ]);
    expect(bandsOf(0, 600, "down", { warning: 60, critical: 240 })).to.deep.equal([
      { from: 0, to: 60, status: "good" },
      { from: 60, to: 240, status: "warning" },
      { from: 240, to: 600, status: "critical" },
    ]);
    expect(bandsOf(0, 1, "up", undefined)).to.deep.equal([]);
    const el = await fixture<KpiGauge>(html`<kpi-gauge .data=${conversion(0.04)}></kpi-gauge>`);
    expect([...el.shadowRoot!.querySelectorAll(".band")].map((b) => b.getAttribute("class"))).to.deep.equal([
      "band band-critical",
      "band band-warning",
      "band band-good",
    ]);
  });

  it("reads its value from the API", async () => {
    const api = await testApi();
    const el = await fixture<KpiGauge>(
      html`<kpi-gauge
          metric="aov"
          max="100"
          endpoint=${api.endpoint}
          token=${api.token}
          range=${WEEK.range}
          tz="UTC"
          now=${uniqueNow()}
        ></kpi-gauge>`,
    );
    await next(el, "kpi-load");
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector("[role=meter]")!.getAttribute("aria-valuetext")).to.match(/^\$60\.00/);
  });

  for (const theme of ["light", "dark"]) {
    it(`passes axe in the ${theme} theme`, async () => {
      document.body.style.background = theme === "dark" ? "#0d1117" : "#fff";
      await expect(
        await fixture(html`<kpi-gauge theme=${theme} .data=${conversion(0.025)}></kpi-gauge>`),
      ).to.be.accessible();
      await expect(await fixture(html`<kpi-gauge theme=${theme} metric="aov"></kpi-gauge>`)).to.be.accessible();
      document.body.style.background = "";
    });
  }
});

import { LOCALES } from "@kpikit/core";
import { expect, fixture, html } from "@open-wc/testing";
import { sendKeys, setViewport } from "@web/test-runner-commands";
import "../../index.js";
import { next, pageErrors, part, result, testApi, uniqueNow, WEEK } from "../../../test/support.js";
import { bucketTargets, type KpiTrend } from "./kpi-trend.js";

afterEach(() => expect(pageErrors()).to.deep.equal([]));

/** Three days in New York across the 2026 spring DST switch (8 March). */
const nyResult = () =>
  result({
    range: {
      start: "2026-03-07T00:00:00-05:00",
      end: "2026-03-10T00:00:00-04:00",
      tz: "America/New_York",
      grain: "day",
    },
    series: [
      { start: "2026-03-07T00:00:00-05:00", value: 40, previous: 50 },
      { start: "2026-03-08T00:00:00-05:00", value: 60, previous: 45 },
      { start: "2026-03-09T00:00:00-04:00", value: 80, previous: 55 },
    ],
  });

const ticks = (el: KpiTrend) => [...el.shadowRoot!.querySelectorAll("text.tick")].map((t) => t.textContent!.trim());

const day = (i: number) => new Date(Date.UTC(2026, 9, 1 + i)).toISOString().replace(".000Z", "+00:00");
/** Days of October 2026 from the 1st, the last one still running when `partial`. */
const days = (values: (number | null)[], partial = false, extra: object = {}) =>
  result({
    range: { start: day(0), end: day(values.length), tz: "UTC", grain: "day" },
    series: values.map((value, i) => ({
      start: day(i),
      value,
      previous: null,
      ...(partial && i === values.length - 1 ? { partial: true as const } : {}),
    })),
    compare: null,
    ...extra,
  });
const shadow = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector)!;
const d = (el: Element, selector: string) => shadow(el, selector).getAttribute("d")!;
/** The [x, y] points of a path of M and L commands. */
const points = (path: string) => [...path.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [+m[1]!, +m[2]!]);
/** The y of the grid line whose tick reads `label`. */
const gridY = (el: KpiTrend, label: string) => {
  const tick = [...el.shadowRoot!.querySelectorAll("text.tick")].find((t) => t.textContent!.trim() === label);
  if (!tick) throw new Error(`no tick ${label} in ${ticks(el).join(" ")}`);
  return Number(tick.getAttribute("y"));
};

describe("<kpi-trend>", () => {
  it("labels the time axis in the query's zone and the locale", async () => {
    const en = await fixture<KpiTrend>(html`<kpi-trend style="width: 640px" .data=${nyResult()}></kpi-trend>`);
    expect(ticks(en)).to.include.members(["Mar 7", "Mar 8", "Mar 9"]);
    const zh = await fixture<KpiTrend>(
      html`<kpi-trend style="width: 640px" locale="zh-Hans" .data=${nyResult()}></kpi-trend>`,
    );
    expect(ticks(zh)).to.include.members(["3月7日", "3月8日", "3月9日"]);
    const ru = await fixture<KpiTrend>(
      html`<kpi-trend style="width: 640px" locale="ru" .data=${nyResult()}></kpi-trend>`,
    );
    expect(ticks(ru)).to.include("7 мар.");
  });

  it("has a data table for screen readers with every point", async () => {
    const el = await fixture<KpiTrend>(html`<kpi-trend .data=${nyResult()}></kpi-trend>`);
    const rows = [...el.shadowRoot!.querySelectorAll("tbody tr")].map((r) =>
      [...r.children].map((c) => c.textContent!.trim()),
    );
    expect(rows).to.deep.equal([
      ["Sat, Mar 7, 2026", "$40.00", "$50.00"],
      ["Sun, Mar 8, 2026", "$60.00", "$45.00"],
      ["Mon, Mar 9, 2026", "$80.00", "$55.00"],
    ]);
    expect(el.shadowRoot!.querySelector("caption")!.textContent).to.equal("Average order value");
  });

  it("moves between points with the keyboard and shows each in the tooltip", async () => {
    const el = await fixture<KpiTrend>(html`<kpi-trend .data=${nyResult()}></kpi-trend>`);
    el.shadowRoot!.querySelector<HTMLElement>("[part=plot]")!.focus();
    await sendKeys({ press: "ArrowRight" });
    await el.updateComplete;
    expect(part(el, "tooltip")).to.equal("Sat, Mar 7, 2026 Current: $40.00 Previous: $50.00");
    await sendKeys({ press: "ArrowRight" });
    await el.updateComplete;
    expect(part(el, "tooltip")).to.contain("Sun, Mar 8, 2026");
    await sendKeys({ press: "End" });
    await el.updateComplete;
    expect(part(el, "tooltip")).to.contain("$80.00");
    expect(el.shadowRoot!.querySelector("#point")!.textContent).to.equal(
      "Mon, Mar 9, 2026: Current $80.00, Previous $55.00",
    );
    await sendKeys({ press: "Home" });
    await el.updateComplete;
    expect(part(el, "tooltip")).to.contain("$40.00");
    await sendKeys({ press: "Escape" });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector("[part=tooltip]")).to.be.null;
  });

  it("draws the series, the previous period dashed, and breaks the line where values are missing", async () => {
    // A gap with two known days on each side: the line breaks there (a lone day would be joined).
    const gap = result({
      series: [10, 20, null, 30, 40].map((value, i) => ({
        start: `2026-03-0${i + 1}T00:00:00+00:00`,
        value,
        previous: 5,
      })),
    });
    const el = await fixture<KpiTrend>(html`<kpi-trend .data=${gap}></kpi-trend>`);
    expect(el.shadowRoot!.querySelector(".line")!.getAttribute("d")!.match(/M/g)).to.have.length(2);
    expect(el.shadowRoot!.querySelector(".previous-line")!.getAttribute("d")!.match(/M/g)).to.have.length(1);
  });

  it("draws a running last bucket as a faded dashed segment, and says it is partial", async () => {
    const el = await fixture<KpiTrend>(html`<kpi-trend .data=${days([50, 60, 55, 5], true)}></kpi-trend>`);
    const settled = points(d(el, ".line:not(.partial)"));
    const running = points(d(el, ".line.partial"));
    expect(settled).to.have.length(3);
    // The dashed segment starts where the settled line ends and goes on to the running day alone.
    expect(running).to.have.length(2);
    expect(running[0]).to.deep.equal(settled[2]);
    expect(getComputedStyle(shadow(el, ".line.partial")).strokeDasharray).to.not.equal("none");
    const rows = [...el.shadowRoot!.querySelectorAll("tbody th")].map((th) => th.textContent!.trim());
    expect(rows.at(-1)).to.equal("Sun, Oct 4, 2026 (so far)");
    expect(rows[2]).to.equal("Sat, Oct 3, 2026");
    (shadow(el, "[part=plot]") as HTMLElement).focus();
    await sendKeys({ press: "End" });
    await el.updateComplete;
    expect(part(el, "tooltip")).to.contain("Oct 4, 2026 (so far)");
    const ru = await fixture<KpiTrend>(html`<kpi-trend locale="ru" .data=${days([50, 60, 55, 5], true)}></kpi-trend>`);
    expect(ru.shadowRoot!.querySelector("tbody tr:last-child th")!.textContent).to.contain("(неполные данные)");
  });

  it("joins the known points of a sparse series and marks each; a dense one breaks at its gaps", async () => {
    // NPS from a few surveys: 5 of 10 days have none.
    const sparse = [-20, null, null, 10, null, 30, null, null, 40, 35];
    const el = await fixture<KpiTrend>(html`<kpi-trend .data=${days(sparse)}></kpi-trend>`);
    expect(d(el, ".line").match(/M/g)).to.have.length(1);
    expect(points(d(el, ".line"))).to.have.length(5);
    expect(el.shadowRoot!.querySelectorAll(".mark")).to.have.length(5);
    const dense = await fixture<KpiTrend>(html`<kpi-trend .data=${days([1, 2, null, 4, 5, 6])}></kpi-trend>`);
    expect(d(dense, ".line").match(/M/g)).to.have.length(2);
    expect(dense.shadowRoot!.querySelectorAll(".mark")).to.have.length(0);
  });

  it("fills the area to the zero line when values fall below it, else to the axis's bottom", async () => {
    const nps = { metric: { id: "nps", label: "NPS", unit: "score" as const, scale: { min: -100, max: 100 } } };
    const el = await fixture<KpiTrend>(html`<kpi-trend .data=${days([-30, -10, 20, 40], false, nps)}></kpi-trend>`);
    const zero = Number(shadow(el, ".zero").getAttribute("y1"));
    expect(zero).to.equal(gridY(el, "0"));
    const area = points(d(el, ".area"));
    expect(area[0]![1]).to.be.closeTo(zero, 0.01);
    expect(area.at(-1)![1]).to.be.closeTo(zero, 0.01);
    // A 1–5 rating stays within its scale, around its values; its area stands on the axis's bottom.
    const csat = { metric: { id: "csat", label: "CSAT", unit: "score" as const, scale: { min: 1, max: 5 } } };
    const rating = await fixture<KpiTrend>(html`<kpi-trend .data=${days([4.2, 4.4, 4.3], false, csat)}></kpi-trend>`);
    const grid = [...rating.shadowRoot!.querySelectorAll(".grid")].map((g) => Number(g.getAttribute("y1")));
    expect(points(d(rating, ".area"))[0]![1]).to.be.closeTo(Math.max(...grid), 0.01);
    expect(rating.shadowRoot!.querySelector(".zero")).to.be.null;
    expect(ticks(rating)).to.not.include("0");
  });

  it("draws a rate's target across the chart at its value", async () => {
    const conversion = {
      metric: { id: "conversion_rate", label: "Conversion rate", unit: "percent" as const },
      value: 0.025,
      target: { value: 0.03, attainment: 0.83 },
    };
    const el = await fixture<KpiTrend>(
      html`<kpi-trend .data=${days([0.02, 0.025, 0.03], false, conversion)}></kpi-trend>`,
    );
    const line = points(d(el, ".target-line"));
    expect(line.map(([, y]) => y)).to.deep.equal([gridY(el, "3%"), gridY(el, "3%")]);
    const grid = shadow(el, ".grid");
    expect(line.map(([x]) => x)).to.deep.equal([Number(grid.getAttribute("x1")), Number(grid.getAttribute("x2"))]);
    expect(part(el, "label")).to.equal("Conversion rate");
    expect([...el.shadowRoot!.querySelectorAll("thead th")].map((th) => th.textContent)).to.include("Target");
  });

  it("pro-rates an additive KPI's target over its buckets by their days", async () => {
    // Revenue 180 in three days, additive: the range's target of 300 is 100 a day.
    const revenue = {
      metric: { id: "revenue", label: "Revenue", unit: "currency" as const, additive: true },
      value: 180,
      target: { value: 300, attainment: 0.6 },
    };
    const el = await fixture<KpiTrend>(html`<kpi-trend .data=${days([40, 60, 80], false, revenue)}></kpi-trend>`);
    const line = points(d(el, ".target-line"));
    expect(line.length).to.be.at.least(2);
    for (const [, y] of line) expect(y).to.equal(gridY(el, "$100"));
    expect(el.shadowRoot!.querySelector("tbody tr td:last-child")!.textContent).to.equal("$100.00");
    // By month, a month's share is its days' (January 31, February 28, March 31 of 90).
    const months = result({
      metric: { id: "revenue", label: "Revenue", unit: "currency", additive: true },
      range: { start: "2026-01-01T00:00:00+00:00", end: "2026-04-01T00:00:00+00:00", tz: "UTC", grain: "month" },
      value: 90,
      series: ["01", "02", "03"].map((m) => ({ start: `2026-${m}-01T00:00:00+00:00`, value: 30, previous: null })),
      target: { value: 900, attainment: 0.1 },
    });
    expect(bucketTargets(months)).to.deep.equal([310, 280, 310]);
    // Today at noon: the range's target of 250 counts 2.5 days, and today's line aims at a whole day.
    const running = result({
      metric: { id: "revenue", label: "Revenue", unit: "currency", additive: true },
      range: { start: "2026-03-01T00:00:00+00:00", end: "2026-03-03T12:00:00+00:00", tz: "UTC", grain: "day" },
      value: 90,
      series: ["01", "02", "03"].map((d) => ({
        start: `2026-03-${d}T00:00:00+00:00`,
        value: 30,
        previous: null,
        ...(d === "03" ? { partial: true as const } : {}),
      })),
      target: { value: 250, attainment: 0.36 },
    });
    expect(bucketTargets(running)).to.deep.equal([100, 100, 100]);
    // Average order value is no sum of its days: its target holds in each.
    expect(bucketTargets(result({ target: { value: 70, attainment: 0.86 } }))).to.deep.equal([70, 70, 70]);
    expect(bucketTargets(result())).to.be.null;
  });

  it("draws the thresholds as faint bands", async () => {
    const delivery = {
      metric: {
        id: "on_time_delivery",
        label: "On-time delivery",
        unit: "percent" as const,
        thresholds: { warning: 0.9, critical: 0.8 },
      },
    };
    const el = await fixture<KpiTrend>(
      html`<kpi-trend .data=${days([0.85, 0.92, 0.95], false, delivery)}></kpi-trend>`,
    );
    expect([...el.shadowRoot!.querySelectorAll(".band")].map((b) => b.getAttribute("class"))).to.deep.equal([
      "band band-critical",
      "band band-warning",
      "band band-good",
    ]);
    const warning = shadow(el, ".band-warning");
    expect(Number(warning.getAttribute("y")) + Number(warning.getAttribute("height"))).to.be.closeTo(
      gridY(el, "80%"),
      0.01,
    );
  });

  it("writes the y-axis in compact forms alike in every locale, and keeps the x labels over the plot", async () => {
    const revenue = { metric: { id: "revenue", label: "Revenue", unit: "currency" as const }, value: 17000 };
    const en = await fixture<KpiTrend>(html`<kpi-trend .data=${days([5000, 6000, 6000], false, revenue)}></kpi-trend>`);
    expect(ticks(en)).to.include("$6K");
    const zh = await fixture<KpiTrend>(
      html`<kpi-trend locale="zh-Hans" .data=${days([5000, 6000, 6000], false, revenue)}></kpi-trend>`,
    );
    // Chinese groups by ten thousands (6000, 1.2万); the narrow dollar sign in every locale.
    expect(ticks(zh)).to.include("$6000");
    expect(ticks(zh).join(" ")).to.not.contain("US$");
    for (const el of [en, zh]) {
      const svg = shadow(el, "svg").getBoundingClientRect();
      const labels = [...el.shadowRoot!.querySelectorAll("text.tick[text-anchor]")].filter(
        (t) => t.getAttribute("y") === String(el.height - 6),
      );
      expect(labels[0]!.getAttribute("text-anchor")).to.equal("start");
      expect(labels.at(-1)!.getAttribute("text-anchor")).to.equal("end");
      for (const label of labels) {
        const box = label.getBoundingClientRect();
        expect(box.left).to.be.at.least(svg.left);
        expect(box.right).to.be.at.most(svg.right);
      }
    }
  });

  it("keeps the tooltip inside the plot, clear of the y-axis, at either end", async () => {
    const el = await fixture<KpiTrend>(html`<kpi-trend style="width: 390px" .data=${nyResult()}></kpi-trend>`);
    const plot = shadow(el, "[part=plot]") as HTMLElement;
    const svg = shadow(el, "svg").getBoundingClientRect();
    const viewBox = (shadow(el, "svg") as SVGSVGElement).viewBox.baseVal.width;
    const axis = svg.left + Number(shadow(el, ".grid").getAttribute("x1")) * (svg.width / viewBox);
    plot.focus();
    for (const key of ["Home", "End"]) {
      await sendKeys({ press: key });
      await el.updateComplete;
      const tip = shadow(el, "[part=tooltip]").getBoundingClientRect();
      expect(tip.left, key).to.be.at.least(axis);
      expect(tip.right, key).to.be.at.most(svg.right);
    }
  });

  it("never widens a phone's page, in any locale", async () => {
    await setViewport({ width: 390, height: 800 });
    try {
      for (const locale of LOCALES) {
        // A month of days, the previous month and a target: the table's widest rows.
        const month = days(
          Array.from({ length: 30 }, (_, i) => 1000 + 37 * i),
          true,
          { target: { value: 1500, attainment: 1.1 } },
        );
        month.compare = { kind: "previous_period", start: day(-30), end: day(0) };
        for (const p of month.series) p.previous = 900;
        const el = await fixture<KpiTrend>(html`<kpi-trend locale=${locale} .data=${month}></kpi-trend>`);
        expect(el.shadowRoot!.querySelectorAll("tbody tr")).to.have.length(30);
        expect(document.documentElement.scrollWidth, locale).to.be.at.most(390);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it("keeps the chart's height while loading and when the period is empty", async () => {
    const api = await testApi();
    const loading = await fixture<KpiTrend>(
      html`<kpi-trend
        metric="revenue"
        endpoint=${`${api.endpoint}/fault/slow/${Math.random().toString(36).slice(2)}`}
        token=${api.token}
      ></kpi-trend>`,
    );
    const height = (el: KpiTrend) => shadow(el, "[part=base]").getBoundingClientRect().height;
    expect(shadow(loading, "[part=base]").getAttribute("aria-busy")).to.equal("true");
    const loaded = await fixture<KpiTrend>(html`<kpi-trend .data=${nyResult()}></kpi-trend>`);
    const empty = await fixture<KpiTrend>(html`<kpi-trend .data=${days([], false, { value: null })}></kpi-trend>`);
    expect(part(empty, "empty")).to.equal("No data for this period");
    expect(height(empty)).to.be.closeTo(height(loaded), 1);
    expect(height(loading)).to.be.closeTo(height(loaded), 1);
  });

  it("loads from the API", async () => {
    const api = await testApi();
    const el = await fixture<KpiTrend>(
      html`<kpi-trend
          metric="revenue"
          endpoint=${api.endpoint}
          token=${api.token}
          range=${WEEK.range}
          tz="UTC"
          now=${uniqueNow()}
        ></kpi-trend>`,
    );
    await next(el, "kpi-load");
    await el.updateComplete;
    const cells = [...el.shadowRoot!.querySelectorAll("tbody tr")].map((r) => r.children[1]!.textContent);
    expect(cells).to.deep.equal(["$0.00", "$30.00", "$90.00", "$0.00", "$0.00", "$0.00", "$0.00"]);
  });

  it('draws each baseline of compare="previous_period previous_year", told apart', async () => {
    const api = await testApi();
    const el = await fixture<KpiTrend>(
      html`<kpi-trend
          metric="revenue"
          endpoint=${api.endpoint}
          token=${api.token}
          range=${WEEK.range}
          tz="UTC"
          now=${uniqueNow()}
          compare="previous_period previous_year"
        ></kpi-trend>`,
    );
    await next(el, "kpi-load");
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll(".previous-line")).to.have.length(2);
    const keys = [...el.shadowRoot!.querySelectorAll(".key.previous")].map((k) => k.textContent);
    expect(keys).to.deep.equal(["Previous period", "Previous year"]);
    // The week before: 40 + 60 on Feb 25 (its fourth day); a year before: nothing.
    const rows = [...el.shadowRoot!.querySelectorAll("tbody tr")].map((r) =>
      [...r.children].slice(1).map((c) => c.textContent),
    );
    expect(rows[0]).to.deep.equal(["$0.00", "$0.00", "$0.00"]);
    expect(rows[3]).to.deep.equal(["$0.00", "$100.00", "$0.00"]);
  });

  for (const theme of ["light", "dark"]) {
    it(`passes axe in the ${theme} theme`, async () => {
      document.body.style.background = theme === "dark" ? "#0d1117" : "#fff";
      await expect(await fixture(html`<kpi-trend theme=${theme} .data=${nyResult()}></kpi-trend>`)).to.be.accessible();
      document.body.style.background = "";
    });
  }
});

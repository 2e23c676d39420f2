import { expect, fixture, html } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import "../../index.js";
import { next, pageErrors, part, result, testApi, uniqueNow, WEEK } from "../../../test/support.js";
import type { KpiTrend } from "./kpi-trend.js";

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
    const gap = result({
      series: [
        { start: "2026-03-01T00:00:00+00:00", value: 10, previous: 5 },
        { start: "2026-03-02T00:00:00+00:00", value: null, previous: 5 },
        { start: "2026-03-03T00:00:00+00:00", value: 30, previous: 5 },
      ],
    });
    const el = await fixture<KpiTrend>(html`<kpi-trend .data=${gap}></kpi-trend>`);
    expect(el.shadowRoot!.querySelector(".line")!.getAttribute("d")!.match(/M/g)).to.have.length(2);
    expect(el.shadowRoot!.querySelector(".previous-line")!.getAttribute("d")!.match(/M/g)).to.have.length(1);
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

  for (const theme of ["light", "dark"]) {
    it(`passes axe in the ${theme} theme`, async () => {
      document.body.style.background = theme === "dark" ? "#0d1117" : "#fff";
      await expect(await fixture(html`<kpi-trend theme=${theme} .data=${nyResult()}></kpi-trend>`)).to.be.accessible();
      document.body.style.background = "";
    });
  }
});

import type { Result } from "@kpikit/core";
import { expect, fixture, html } from "@open-wc/testing";
import "../../index.js";
import { next, pageErrors, part, requestCounts, result, testApi, uniqueNow, WEEK } from "../../../test/support.js";
import { funnelSteps, type KpiFunnel } from "./kpi-funnel.js";

afterEach(() => expect(pageErrors()).to.deep.equal([]));

const count = (id: string, label: string, value: number | null, previous: number | null, locale = "en") =>
  result(
    {
      metric: { id, label, unit: "count", better: "up" },
      value,
      previous,
      change: { absolute: null, relative: null },
    },
    locale,
  );

/**
 * Sessions 20,000 → orders 600 → new customers 440 (previous period 16,000 → 480 → 400). Orders are
 * 600 / 20,000 = 3.0 % of sessions (97.0 % drop off); new customers 440 / 600 = 73.3 % of orders
 * (26.7 % drop off) and 440 / 20,000 = 2.2 % of sessions.
 */
const shop = (locale = "en"): Result[] => [
  count("sessions", "Sessions", 20_000, 16_000, locale),
  count("orders", "Order volume", 600, 480, locale),
  count("new_customers", "New customers", 440, 400, locale),
];

const steps = (el: KpiFunnel) => [...el.shadowRoot!.querySelectorAll("li")];
const text = (node: Element | null | undefined) => (node?.textContent ?? "").replace(/\s+/g, " ").trim();
const within = (li: Element, name: string) => text(li.querySelector(`[part~="${name}"]`));
const width = (li: Element, name: string) => (li.querySelector(`[part~="${name}"]`) as HTMLElement).style.inlineSize;

describe("<kpi-funnel>", () => {
  it("computes each step's conversion from the previous and the first step, and its drop-off", () => {
    const [first, second, third] = funnelSteps(shop());
    expect([first!.fromPrevious, first!.fromFirst, first!.dropOff]).to.deep.equal([null, null, null]);
    expect(second!.fromPrevious).to.equal(0.03);
    expect(second!.fromFirst).to.equal(0.03);
    expect(second!.dropOff).to.be.closeTo(0.97, 1e-12);
    expect(third!.fromPrevious).to.be.closeTo(0.7333, 1e-4);
    expect(third!.fromFirst).to.equal(0.022);
    expect(third!.dropOff).to.be.closeTo(0.2667, 1e-4);
    // A step of 0 or no value leaves the next step's conversion unknown, never Infinity or NaN.
    const [, afterZero] = funnelSteps([count("sessions", "Sessions", 0, 0), count("orders", "Orders", 3, 1)]);
    expect([afterZero!.fromPrevious, afterZero!.fromFirst, afterZero!.dropOff]).to.deep.equal([null, null, null]);
  });

  it("is an ordered list of steps, each with its value, previous value, conversions and drop-off", async () => {
    const el = await fixture<KpiFunnel>(html`<kpi-funnel .data=${shop()}></kpi-funnel>`);
    expect(part(el, "label")).to.equal("Funnel");
    expect(el.shadowRoot!.querySelector("ol")!.getAttribute("aria-labelledby")).to.equal("label");
    const [first, second, third] = steps(el);
    expect(steps(el)).to.have.length(3);
    expect([within(first!, "step-label"), within(first!, "value"), within(first!, "previous")]).to.deep.equal([
      "Sessions",
      "20,000",
      "previous period 16,000",
    ]);
    expect(first!.querySelector('[part~="conversion"]')).to.equal(null);
    expect(within(second!, "value")).to.equal("600");
    expect(within(second!, "conversion")).to.equal("3.0% of previous step · , 3.0% of first step · , 97.0% drop-off");
    expect(within(third!, "conversion")).to.equal("73.3% of previous step · , 2.2% of first step · , 26.7% drop-off");
    expect(within(third!, "previous")).to.equal("previous period 400");
    // Bars against the largest value or previous value, 20,000: 600 is 3 %, the previous 480 is 2.4 %.
    expect([width(first!, "bar"), width(first!, "previous-bar")]).to.deep.equal(["100%", "80%"]);
    expect([width(second!, "bar"), width(second!, "previous-bar")]).to.deep.equal(["3%", "2.4%"]);
    // The bars are drawn for the eye only: the text says the same.
    expect(first!.querySelector(".bars")!.getAttribute("aria-hidden")).to.equal("true");
  });

  it("speaks the page's language, with the API's formatted values", async () => {
    const el = await fixture<KpiFunnel>(
      html`<kpi-funnel locale="ru" label="Продажи" .data=${shop("ru")}></kpi-funnel>`,
    );
    const second = steps(el)[1]!;
    expect(part(el, "label")).to.equal("Продажи");
    // Russian groups thousands and sets "%" apart with no-break spaces, which `within` reads as spaces.
    expect(within(steps(el)[0]!, "value")).to.equal("20 000");
    expect(within(second, "previous")).to.equal("предыдущий период 480");
    expect(within(second, "conversion")).to.equal(
      "3,0 % от предыдущего шага · , 3,0 % от первого шага · , отсев 97,0 %",
    );
  });

  it("names the period it compares with, and sets nothing beside a step when it compares with none", async () => {
    const lastYear = shop().map((r) => ({ ...r, compare: { ...r.compare!, kind: "previous_year" as const } }));
    const el = await fixture<KpiFunnel>(html`<kpi-funnel .data=${lastYear}></kpi-funnel>`);
    expect(within(steps(el)[0]!, "previous")).to.equal("previous year 16,000");
    const none = shop().map((r) => ({ ...r, compare: null, previous: null }));
    const alone = await fixture<KpiFunnel>(html`<kpi-funnel .data=${none}></kpi-funnel>`);
    expect(alone.shadowRoot!.querySelector('[part~="previous"], [part~="previous-bar"]')).to.equal(null);
    expect(within(steps(alone)[1]!, "conversion")).to.match(/^3\.0% of previous step/);
  });

  it("asks every step's KPI from the real API in one batch", async () => {
    const api = await testApi();
    const id = Math.random().toString(36).slice(2);
    const endpoint = `${api.endpoint}/fault/pass/${id}`;
    // In the test data's week, orders of 30 and 90 by two customers met for the first time; the week
    // before, orders of 40 and 60, also by two new customers. No sessions were recorded.
    const el = await fixture<KpiFunnel>(
      html`<kpi-funnel
        metrics="sessions orders new_customers"
        endpoint=${endpoint}
        token=${api.token}
        range=${WEEK.range}
        tz="UTC"
        now=${uniqueNow()}
      ></kpi-funnel>`,
    );
    const loaded = await next(el, "kpi-load");
    await el.updateComplete;
    expect(loaded.detail.results.map((r: Result) => r.metric.id)).to.deep.equal([
      "sessions",
      "orders",
      "new_customers",
    ]);
    expect((await requestCounts())[`POST /fault/pass/${id}/v1/query`]).to.equal(1);
    const [sessions, orders, customers] = steps(el);
    expect([within(sessions!, "value"), within(orders!, "value"), within(customers!, "value")]).to.deep.equal([
      "0",
      "2",
      "2",
    ]);
    expect(within(orders!, "previous")).to.equal("previous period 2");
    // No sessions: what share of them ordered is unknown, not 0 and not infinite.
    expect(within(orders!, "conversion")).to.equal("n/a of previous step · , n/a of first step · , n/a drop-off");
    expect(within(customers!, "conversion")).to.equal(
      "100.0% of previous step · , n/a of first step · , 0.0% drop-off",
    );
    expect(el.getAttribute("metrics")).to.equal("sessions orders new_customers");
  });

  it("asks for two KPIs at least, and says so", async () => {
    const errors: string[] = [];
    const el = await fixture<KpiFunnel>(
      html`<kpi-funnel
        metrics="orders"
        endpoint="/"
        token="t"
        @kpi-error=${(e: CustomEvent<{ message: string }>) => errors.push(e.detail.message)}
      ></kpi-funnel>`,
    );
    expect(errors).to.have.length(1);
    expect(errors[0]).to.match(/two KPIs or more/);
    expect(part(el, "error")).to.equal("This figure isn't available here.");
  });

  it("says so when every step's period is empty", async () => {
    const empty = [count("sessions", "Sessions", null, null), count("orders", "Orders", null, null)].map((r) => ({
      ...r,
      series: r.series.map((p) => ({ ...p, value: null })),
    }));
    const el = await fixture<KpiFunnel>(html`<kpi-funnel .data=${empty}></kpi-funnel>`);
    expect(part(el, "empty")).to.equal("No data for this period");
    expect(part(el, "label")).to.equal("Funnel");
  });

  it("fits a 390 px phone without scrolling sideways", async () => {
    const el = await fixture<KpiFunnel>(
      html`<kpi-funnel style="inline-size: 358px" locale="ms" .data=${shop("ms")}></kpi-funnel>`,
    );
    const base = el.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    expect(el.getBoundingClientRect().width).to.equal(358);
  });

  for (const theme of ["light", "dark"]) {
    it(`passes axe in the ${theme} theme`, async () => {
      document.body.style.background = theme === "dark" ? "#0d1117" : "#fff";
      await expect(await fixture(html`<kpi-funnel theme=${theme} .data=${shop()}></kpi-funnel>`)).to.be.accessible();
      await expect(
        await fixture(html`<kpi-funnel theme=${theme} metrics="sessions orders"></kpi-funnel>`),
      ).to.be.accessible();
      document.body.style.background = "";
    });
  }
});

import { LOCALES, type Result } from "@kpikit/core";
import { expect, fixture, html } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import "../../index.js";
import {
  CHANNEL_WEEK,
  next,
  pageErrors,
  part,
  requestCounts,
  result,
  testApi,
  uniqueNow,
  until,
} from "../../../test/support.js";
import type { KpiCard } from "../kpi-card/kpi-card.js";
import type { KpiTable } from "./kpi-table.js";

afterEach(() => expect(pageErrors()).to.deep.equal([]));

/** Three KPIs: revenue up 20 % (good), returns up 50 % (critical), CSAT without a previous value (warning). */
const three = (locale = "en") => [
  result({ metric: { id: "revenue", label: "Revenue" }, value: 600, previous: 500, status: "good" }, locale),
  result(
    {
      metric: { id: "returns", label: "Returns", unit: "count", better: "down" },
      value: 6,
      previous: 4,
      change: { absolute: 2, relative: 0.5 },
      status: "critical",
    },
    locale,
  ),
  result(
    {
      metric: { id: "csat", label: "CSAT", unit: "score", better: "up" },
      value: 4.2,
      previous: null,
      change: { absolute: null, relative: null },
      status: "warning",
    },
    locale,
  ),
];

const cells = (el: KpiTable) =>
  [...el.shadowRoot!.querySelectorAll("tbody tr")].map((tr) =>
    [...tr.children].slice(0, 3).map((c) => c.querySelector("[aria-hidden]")?.textContent ?? c.textContent!.trim()),
  );
const names = (el: KpiTable) => cells(el).map(([name]) => name);
const headers = (el: KpiTable) =>
  [...el.shadowRoot!.querySelectorAll("thead th")].map((th) => th.textContent!.replace(/[▲▼]/g, "").trim());
const sortOf = (el: KpiTable) =>
  Object.fromEntries(
    [...el.shadowRoot!.querySelectorAll("thead th[aria-sort]")].map((th) => [
      th.textContent!.replace(/[▲▼]/g, "").trim(),
      th.getAttribute("aria-sort"),
    ]),
  );
const sortButton = (el: KpiTable, header: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>("[part~=sort]")].find(
    (b) => b.textContent!.replace(/[▲▼]/g, "").trim() === header,
  )!;

async function table(data: Result[] | Result, attrs: { locale?: string; by?: string } = {}): Promise<KpiTable> {
  const el = await fixture<KpiTable>(
    html`<kpi-table locale=${attrs.locale ?? "en"} by=${attrs.by ?? ""} .data=${data}></kpi-table>`,
  );
  await el.updateComplete;
  return el;
}

describe("<kpi-table> from .data", () => {
  it("shows each KPI's value, change, sparkline and status in a real table", async () => {
    const el = await table(three());
    expect(headers(el)).to.deep.equal(["KPI", "Value", "Change", "Trend", "Status"]);
    expect(cells(el)).to.deep.equal([
      ["Revenue", "$600.00", "▲ +20.0%"],
      ["Returns", "6", "▲ +50.0%"],
      ["CSAT", "4.2", "n/a"],
    ]);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll("tbody th[scope=row]")).to.have.length(3);
    expect(root.querySelectorAll("thead th[scope=col]")).to.have.length(5);
    // A rise of returns is bad: red, and said as an increase.
    const tones = [...root.querySelectorAll("[part~=delta]")].map((d) => d.className.replace("delta ", ""));
    expect(tones).to.deep.equal(["tone-good", "tone-bad", "tone-neutral"]);
    expect(root.querySelectorAll("tbody .sparkline path")).to.have.length(3);
    expect(root.querySelector("tbody .sparkline path")!.getAttribute("d")).to.equal("M0,96L50,50L100,4");
    const statuses = [...root.querySelectorAll("tbody tr")].map((tr) => tr.lastElementChild!.textContent!.trim());
    expect(statuses).to.deep.equal(["Good", "Critical", "Warning"]);
    expect(root.querySelector("[part~=status]")!.getAttribute("aria-hidden")).to.equal("true");
  });

  it("sorts by keyboard: Enter and Space on a header's button, aria-sort on that header only", async () => {
    const el = await table(three());
    expect(sortOf(el)).to.deep.equal({});
    sortButton(el, "Change").focus();
    await sendKeys({ press: "Enter" });
    await el.updateComplete;
    // Ascending by change: returns +50 % after revenue +20 %; CSAT, with none, last.
    expect(names(el)).to.deep.equal(["Revenue", "Returns", "CSAT"]);
    expect(sortOf(el)).to.deep.equal({ Change: "ascending" });
    await sendKeys({ press: "Space" });
    await el.updateComplete;
    expect(names(el)).to.deep.equal(["Returns", "Revenue", "CSAT"]);
    expect(sortOf(el)).to.deep.equal({ Change: "descending" });
    // Value is no button here: the KPIs' values have different units.
    await sendKeys({ down: "Shift" });
    await sendKeys({ press: "Tab" });
    await sendKeys({ up: "Shift" });
    expect(el.shadowRoot!.activeElement === sortButton(el, "KPI"), "focus on the KPI header").to.be.true;
    await sendKeys({ press: "Enter" });
    await el.updateComplete;
    expect(names(el)).to.deep.equal(["CSAT", "Returns", "Revenue"]);
    expect(sortOf(el)).to.deep.equal({ KPI: "ascending" });
    sortButton(el, "Status").focus();
    await sendKeys({ press: "Enter" });
    await sendKeys({ press: "Enter" });
    await el.updateComplete;
    expect(names(el)).to.deep.equal(["Returns", "CSAT", "Revenue"]);
    expect(sortOf(el)).to.deep.equal({ Status: "descending" });
  });

  it("names its columns in the five locales", async () => {
    const expected: Record<string, string[]> = {
      en: ["KPI", "Value", "Change", "Trend", "Status"],
      ru: ["Показатель", "Значение", "Изменение", "Динамика", "Статус"],
      ms: ["KPI", "Nilai", "Perubahan", "Trend", "Status"],
      "zh-Hans": ["指标", "数值", "变化", "趋势", "状态"],
      "zh-Hant": ["指標", "數值", "變化", "趨勢", "狀態"],
    };
    for (const locale of LOCALES) {
      const el = await table(three(locale), { locale });
      expect(headers(el), locale).to.deep.equal(expected[locale]);
      const status = el.shadowRoot!.querySelector("tbody tr > td:last-child .visually-hidden")!;
      expect(status.textContent, locale).to.equal(
        { en: "Good", ru: "Норма", ms: "Baik", "zh-Hans": "良好", "zh-Hant": "良好" }[locale],
      );
    }
  });

  it("shows one KPI by a dimension: a row per value, its change against its previous value", async () => {
    const el = await table(
      result({
        metric: { id: "revenue", label: "Revenue" },
        value: 440,
        previous: 320,
        breakdown: [
          { key: "web", value: 160, previous: 100 },
          { key: "app", value: 120, previous: 150 },
          { key: "marketplace", value: 25, previous: 0 },
          { key: null, value: 15, previous: 10 },
        ],
      }),
      { by: "channel" },
    );
    expect(headers(el)).to.deep.equal(["Channel", "Value", "Change"]);
    expect(part(el, "label")).to.equal("Revenue by Channel");
    expect(cells(el)).to.deep.equal([
      ["web", "$160.00", "▲ +60.0%"],
      ["app", "$120.00", "▼ -20.0%"],
      ["marketplace", "$25.00", "▲ n/a (+$25.00)"],
      ["Not set", "$15.00", "▲ +50.0%"],
    ]);
    sortButton(el, "Value").focus();
    await sendKeys({ press: "Enter" });
    await el.updateComplete;
    expect(names(el)).to.deep.equal(["Not set", "marketplace", "app", "web"]);
    expect(sortOf(el)).to.deep.equal({ Value: "ascending" });
  });

  it("shows the empty state when no KPI has data, and an error for a bad .data", async () => {
    const empty = { value: null, previous: null, change: { absolute: null, relative: null }, series: [] };
    const el = await table([result(empty), result(empty)]);
    expect(part(el, "empty")).to.equal("No data for this period");
    const failed = new Promise<CustomEvent>((resolve) =>
      document.addEventListener("kpi-error", (e) => resolve(e as CustomEvent), { once: true }),
    );
    const bad = await table([result(), { metric: { id: "x" } } as never]);
    expect(part(bad, "error")).to.equal("This figure isn't available here.");
    expect((await failed).detail.message).to.equal(".data[1] is not a KPI result: metric needs an id and a unit");
  });

  it("a widget of one KPI refuses a list as .data", async () => {
    const failed = new Promise<CustomEvent>((resolve) =>
      document.addEventListener("kpi-error", (e) => resolve(e as CustomEvent), { once: true }),
    );
    const el = await fixture<KpiCard>(html`<kpi-card .data=${three()}></kpi-card>`);
    expect((await failed).detail.message).to.equal(".data is a list; <kpi-card> shows one KPI result");
    expect(part(el, "error")).to.equal("This figure isn't available here.");
  });

  it("fits a 390 px phone without scrolling sideways", async () => {
    const wide = three().map((r, i) => ({
      ...r,
      metric: { ...r.metric, label: `${r.metric.label} of the whole international storefront ${i}` },
      formatted: { ...r.formatted, value: "$123,456,789.12" },
    }));
    const el = await fixture<KpiTable>(html`<kpi-table style="width: 390px" .data=${wide}></kpi-table>`);
    const base = el.shadowRoot!.querySelector<HTMLElement>("[part~=base]")!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
    expect(el.getBoundingClientRect().width).to.equal(390);
    // In Russian, with rates changing in "п. п." and sparklines, in a phone's column (342 px).
    const rate = (i: number) =>
      result(
        {
          metric: { id: `rate_${i}`, label: "Выручка от рекламных кампаний", unit: "percent" },
          value: 0.381,
          previous: 0.394,
          change: { absolute: -0.013, relative: -0.033 },
        },
        "ru",
      );
    const ru = await fixture<KpiTable>(
      html`<kpi-table style="width: 342px" locale="ru" .data=${[rate(1), rate(2), rate(3)]}></kpi-table>`,
    );
    const ruBase = ru.shadowRoot!.querySelector<HTMLElement>("[part~=base]")!;
    expect(ruBase.scrollWidth).to.be.at.most(ruBase.clientWidth + 1);
  });

  for (const theme of ["light", "dark"]) {
    it(`passes axe in the ${theme} theme, sorted, by a dimension and loading`, async () => {
      document.body.style.background = theme === "dark" ? "#0d1117" : "#fff";
      const el = await fixture<KpiTable>(html`<kpi-table theme=${theme} .data=${three()}></kpi-table>`);
      sortButton(el, "Change").click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      const split = result({ breakdown: [{ key: "web", value: 60, previous: 50 }] });
      await expect(
        await fixture(html`<kpi-table theme=${theme} by="channel" .data=${split}></kpi-table>`),
      ).to.be.accessible();
      await expect(
        await fixture(html`<kpi-table theme=${theme} metrics="revenue aov"></kpi-table>`),
      ).to.be.accessible();
      document.body.style.background = "";
    });
  }
});

describe("<kpi-table> with the real API", () => {
  it("asks for several KPIs in one request and shows each", async () => {
    const api = await testApi();
    const id = Math.random().toString(36).slice(2);
    const el = await fixture<KpiTable>(
      html`<kpi-table
          metrics="revenue orders aov"
          endpoint=${`${api.endpoint}/fault/pass/${id}`}
          token=${api.token}
          range=${CHANNEL_WEEK.range}
          tz=${CHANNEL_WEEK.tz}
          now=${uniqueNow()}
        ></kpi-table>`,
    );
    const { detail } = await next(el, "kpi-load");
    await el.updateComplete;
    const results = detail.results as Result[];
    expect(results.map((r) => r.metric.id)).to.deep.equal(["revenue", "orders", "aov"]);
    const [revenue, orders, aov] = results.map((r) => r.metric.label);
    // 440 against 320; 8 orders against 5; AOV 55 against 64 (-14.0625 %).
    expect(cells(el)).to.deep.equal([
      [revenue, "$440.00", "▲ +37.5%"],
      [orders, "8", "▲ +60.0%"],
      [aov, "$55.00", "▼ -14.1%"],
    ]);
    expect((await requestCounts())[`POST /fault/pass/${id}/v1/query`]).to.equal(1);
  });

  it("shows one KPI by a dimension from the API, and sorts it by change", async () => {
    const api = await testApi();
    const el = await fixture<KpiTable>(
      html`<kpi-table
          metric="revenue"
          by="channel"
          endpoint=${api.endpoint}
          token=${api.token}
          range=${CHANNEL_WEEK.range}
          tz=${CHANNEL_WEEK.tz}
          now=${uniqueNow()}
        ></kpi-table>`,
    );
    await next(el, "kpi-load");
    await el.updateComplete;
    expect(cells(el)).to.deep.equal([
      ["web", "$160.00", "▲ +60.0%"],
      ["app", "$120.00", "▼ -20.0%"],
      ["email", "$80.00", "▲ +100.0%"],
      ["phone", "$40.00", "▲ +100.0%"],
      ["marketplace", "$25.00", "▲ n/a (+$25.00)"],
      ["Not set", "$15.00", "▲ +50.0%"],
    ]);
    sortButton(el, "Change").focus();
    await sendKeys({ press: "Enter" });
    await el.updateComplete;
    expect(names(el)).to.deep.equal(["app", "Not set", "web", "email", "phone", "marketplace"]);
  });

  it("keeps the rows of the KPIs that answered when one cannot be read, and says why in its row", async () => {
    const api = await testApi();
    const el = await fixture<KpiTable>(
      html`<kpi-table
          metrics="revenue no_such_kpi orders"
          endpoint=${api.endpoint}
          token=${api.token}
          range=${CHANNEL_WEEK.range}
          now=${uniqueNow()}
        ></kpi-table>`,
    );
    const e = await next(el, "kpi-error");
    await until(() => el.shadowRoot!.querySelectorAll("tbody tr").length === 3, "no rows shown");
    expect(e.detail).to.deep.include({ status: 404, retryable: false, metric: "revenue no_such_kpi orders" });
    const rows = [...el.shadowRoot!.querySelectorAll("tbody tr")].map((tr) =>
      [...tr.querySelectorAll("th, td")].slice(0, 2).map((c) => (c.textContent ?? "").replace(/\s+/g, " ").trim()),
    );
    // April's week: revenue 440 in 8 orders; the unknown KPI keeps its place, named by its id.
    expect(rows).to.deep.equal([
      ["Total sales", "$440.00"],
      ["no_such_kpi", "This figure isn't available here."],
      ["Order volume", "8"],
    ]);
  });

  it("is an error as a whole when none of its KPIs answers", async () => {
    const api = await testApi();
    const el = await fixture<KpiTable>(
      html`<kpi-table metrics="no_such_kpi nor_this_one" endpoint=${api.endpoint} token=${api.token}></kpi-table>`,
    );
    await next(el, "kpi-error");
    await until(() => el.shadowRoot!.querySelector(".base.error"), "no error shown");
    expect(part(el, "error")).to.equal("This figure isn't available here.");
  });
});

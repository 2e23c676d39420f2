import { LOCALES, type Result } from "@kpikit/core";
import { expect, fixture, html } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import "../../index.js";
import { CHANNEL_WEEK, next, pageErrors, part, result, testApi, uniqueNow, until } from "../../../test/support.js";
import type { KpiBreakdown, KpiSelectDetail } from "./kpi-breakdown.js";

afterEach(() => expect(pageErrors()).to.deep.equal([]));

/** Revenue by channel: 440 in all, against 320. */
const revenue = (breakdown: Result["breakdown"]) =>
  result({
    metric: { id: "revenue", label: "Revenue" },
    value: 440,
    previous: 320,
    change: { absolute: 120, relative: 0.375 },
    breakdown,
  });

const CHANNELS: Result["breakdown"] = [
  // Out of order on purpose: the widget sorts what .data hands it.
  { key: "phone", value: 40, previous: 20 },
  { key: "web", value: 160, previous: 100 },
  { key: "app", value: 120, previous: 150 },
  { key: "marketplace", value: 25, previous: 0 },
  { key: "email", value: 80, previous: 40 },
  { key: null, value: 15, previous: 10 },
];

/** Each row's key, value and share as shown. */
const rows = (el: KpiBreakdown) =>
  [...el.shadowRoot!.querySelectorAll("[part~=row]")].map((row) =>
    ["key", "value", "share"].map((p) => row.querySelector(`[part~=${p}]`)?.textContent?.trim() ?? ""),
  );
const widths = (el: KpiBreakdown, selector: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)].map(
    (n) => n.style.inlineSize || n.style.insetInlineStart,
  );
const buttons = (el: KpiBreakdown) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>("button[part~=row]")];

async function breakdown(data: Result, attrs: { top?: number; locale?: string } = {}): Promise<KpiBreakdown> {
  const el = await fixture<KpiBreakdown>(
    html`<kpi-breakdown
        by="channel"
        top=${attrs.top ?? 5}
        locale=${attrs.locale ?? "en"}
        .data=${data}
      ></kpi-breakdown>`,
  );
  await el.updateComplete;
  return el;
}

describe("<kpi-breakdown> from .data", () => {
  it("shows the top values largest first, the rest summed into Other, with shares of the total", async () => {
    const el = await breakdown(revenue(CHANNELS), { top: 3 });
    // Other: phone 40 + marketplace 25 + not set 15 = 80 (previous 20 + 0 + 10 = 30); shares of 440.
    expect(rows(el)).to.deep.equal([
      ["web", "$160.00", "36.4%"],
      ["app", "$120.00", "27.3%"],
      ["email", "$80.00", "18.2%"],
      ["Other", "$80.00", "18.2%"],
    ]);
    expect(part(el, "label")).to.equal("Revenue by Channel");
    expect(part(el, "total")).to.equal("$440.00");
    // Bars and previous markers on one scale, the largest value or previous (web's 160).
    expect(widths(el, ".fill")).to.deep.equal(["100%", "75%", "50%", "50%"]);
    expect(widths(el, ".marker")).to.deep.equal(["62.5%", "93.75%", "25%", "18.75%"]);
    expect(el.shadowRoot!.querySelector(".other .visually-hidden")!.textContent).to.equal(
      "18.2% of total, Previous: $30.00",
    );
    expect(el.shadowRoot!.querySelector("[part~=more]")).to.be.null;
  });

  it("shows every value, and no Other, when the top leaves out one value or none", async () => {
    const five = await breakdown(revenue(CHANNELS), { top: 5 });
    expect(rows(five).map(([key]) => key)).to.deep.equal(["web", "app", "email", "phone", "marketplace", "Not set"]);
    // A value that is not set is listed but names nothing to filter by: it is no button.
    expect(buttons(five)).to.have.length(5);
  });

  it("for a mean, shows the top values and how many more, never a sum or a share", async () => {
    const aov = result({
      metric: { id: "aov", label: "Average order value" },
      value: 55,
      previous: 64,
      breakdown: [
        { key: "app", value: 120, previous: 150 },
        { key: "web", value: 80, previous: 100 },
        { key: "email", value: 40, previous: 40 },
        { key: "phone", value: 40, previous: 20 },
        { key: "marketplace", value: 25, previous: null },
        { key: null, value: 15, previous: 10 },
      ],
    });
    const el = await breakdown(aov, { top: 3 });
    expect(rows(el)).to.deep.equal([
      ["app", "$120.00", ""],
      ["web", "$80.00", ""],
      ["email", "$40.00", ""],
    ]);
    expect(part(el, "more")).to.equal("3 more");
    expect(el.shadowRoot!.querySelector("[part~=share]")).to.be.null;
  });

  it("draws no previous markers without a comparison", async () => {
    const el = await breakdown(
      result({
        metric: { id: "revenue", label: "Revenue" },
        value: 30,
        previous: null,
        compare: null,
        breakdown: [
          { key: "web", value: 20, previous: null },
          { key: "app", value: 10, previous: null },
        ],
      }),
    );
    expect(rows(el)).to.deep.equal([
      ["web", "$20.00", "66.7%"],
      ["app", "$10.00", "33.3%"],
    ]);
    expect(el.shadowRoot!.querySelector(".marker")).to.be.null;
    expect(el.shadowRoot!.querySelector(".legend")).to.be.null;
  });

  it("fires kpi-select on click and toggles the choice, which is shown", async () => {
    const el = await breakdown(revenue(CHANNELS), { top: 3 });
    const chosen: KpiSelectDetail[] = [];
    el.addEventListener("kpi-select", (e) => chosen.push(e.detail));
    buttons(el)[1]!.click();
    await el.updateComplete;
    expect(chosen).to.deep.equal([{ metric: "revenue", by: "channel", key: "app" }]);
    expect(el.selected).to.equal("app");
    expect(el.getAttribute("selected")).to.equal("app");
    expect(buttons(el).map((b) => b.getAttribute("aria-pressed"))).to.deep.equal(["false", "true", "false"]);
    buttons(el)[1]!.click();
    await el.updateComplete;
    expect(chosen[1]).to.deep.equal({ metric: "revenue", by: "channel", key: null });
    expect(el.hasAttribute("selected")).to.be.false;
    // Other names no value of the dimension: it is no button.
    expect(el.shadowRoot!.querySelector(".other")!.localName).to.equal("div");
  });

  it("fires kpi-select from the keyboard: Tab to a bar, Enter or Space", async () => {
    const el = await breakdown(revenue(CHANNELS), { top: 3 });
    const chosen: (string | null)[] = [];
    el.addEventListener("kpi-select", (e) => chosen.push(e.detail.key));
    buttons(el)[0]!.focus();
    await sendKeys({ press: "Tab" });
    expect(el.shadowRoot!.activeElement === buttons(el)[1], "focus on the second bar").to.be.true;
    await sendKeys({ press: "Enter" });
    await sendKeys({ press: "Tab" });
    await sendKeys({ press: "Space" });
    await el.updateComplete;
    expect(chosen).to.deep.equal(["app", "email"]);
    expect(el.selected).to.equal("email");
    expect(buttons(el)[2]!.getAttribute("aria-pressed")).to.equal("true");
  });

  it("speaks in the five locales", async () => {
    const expected: Record<string, { title: string; other: string; share: string }> = {
      en: { title: "Revenue by Channel", other: "Other", share: "18.2% of total" },
      ru: { title: "Revenue в разрезе «Канал»", other: "Прочие", share: "18,2 % от итога" },
      ms: { title: "Revenue mengikut Saluran", other: "Lain-lain", share: "18.2% daripada jumlah" },
      "zh-Hans": { title: "Revenue（按渠道）", other: "其他", share: "占总计 18.2%" },
      "zh-Hant": { title: "Revenue（按管道）", other: "其他", share: "占總計 18.2%" },
    };
    for (const locale of LOCALES) {
      const el = await breakdown(revenue(CHANNELS), { top: 3, locale });
      const words = expected[locale]!;
      expect(part(el, "label"), locale).to.equal(words.title);
      expect(rows(el)[3]![0], locale).to.equal(words.other);
      const spoken = el.shadowRoot!.querySelector(".other .visually-hidden")!.textContent!.replace(/\s/g, " ");
      expect(spoken, locale).to.contain(words.share);
    }
  });

  it("shows the empty state for a period without any value", async () => {
    const el = await breakdown(revenue([]));
    expect(part(el, "empty")).to.equal("No data for this period");
    const none = await breakdown(revenue([{ key: "web", value: null, previous: null }]));
    expect(part(none, "empty")).to.equal("No data for this period");
  });

  it("holds a 390 px phone without scrolling sideways", async () => {
    const long = [
      { key: "a marketplace with a very long name indeed", value: 123456789.12, previous: 99999999 },
      ...CHANNELS!,
    ];
    const el = await fixture<KpiBreakdown>(
      html`<kpi-breakdown style="width: 390px" by="channel" .data=${revenue(long)}></kpi-breakdown>`,
    );
    const base = el.shadowRoot!.querySelector<HTMLElement>("[part~=base]")!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
  });

  for (const theme of ["light", "dark"]) {
    it(`passes axe in the ${theme} theme, chosen, empty and loading`, async () => {
      document.body.style.background = theme === "dark" ? "#0d1117" : "#fff";
      const data = revenue(CHANNELS);
      await expect(
        await fixture(html`<kpi-breakdown theme=${theme} by="channel" top="3" selected="web" .data=${data}>
        </kpi-breakdown>`),
      ).to.be.accessible();
      await expect(
        await fixture(html`<kpi-breakdown theme=${theme} by="channel" .data=${revenue([])}></kpi-breakdown>`),
      ).to.be.accessible();
      await expect(
        await fixture(html`<kpi-breakdown theme=${theme} by="channel" metric="revenue"></kpi-breakdown>`),
      ).to.be.accessible();
      document.body.style.background = "";
    });
  }
});

describe("<kpi-breakdown> with the real API", () => {
  const attrs = async () => ({ ...(await testApi()), now: uniqueNow() });
  /** A KPI by channel in the week of the test orders by channel, its top three shown. */
  async function byChannel(metric: string): Promise<KpiBreakdown> {
    const api = await attrs();
    return fixture<KpiBreakdown>(
      html`<kpi-breakdown
          metric=${metric}
          by="channel"
          top="3"
          endpoint=${api.endpoint}
          token=${api.token}
          range=${CHANNEL_WEEK.range}
          tz=${CHANNEL_WEEK.tz}
          now=${api.now}
        ></kpi-breakdown>`,
    );
  }

  it("splits revenue by channel: the top three, Other and the previous week's markers", async () => {
    const el = await byChannel("revenue");
    const { detail } = await next(el, "kpi-load");
    await el.updateComplete;
    expect((detail.result as Result).breakdown).to.have.length(6);
    // test/api-server.mjs: web 100 + 60, app 120, email 50 + 30; phone 40, marketplace 25 and an
    // order without a channel 15 are Other (80); the week before web 100, app 150, email 40, Other 30.
    expect(rows(el)).to.deep.equal([
      ["web", "$160.00", "36.4%"],
      ["app", "$120.00", "27.3%"],
      ["email", "$80.00", "18.2%"],
      ["Other", "$80.00", "18.2%"],
    ]);
    expect(widths(el, ".marker")).to.deep.equal(["62.5%", "93.75%", "25%", "18.75%"]);
    expect(part(el, "total")).to.equal("$440.00");
  });

  it("splits a mean (AOV) without an Other: the top three and how many more", async () => {
    const el = await byChannel("aov");
    await next(el, "kpi-load");
    await el.updateComplete;
    // Web's AOV is (100 + 60) / 2 = 80, email's (50 + 30) / 2 = 40; the total is 440 / 8 = 55.
    expect(rows(el)).to.deep.equal([
      ["app", "$120.00", ""],
      ["web", "$80.00", ""],
      ["email", "$40.00", ""],
    ]);
    expect(part(el, "more")).to.equal("3 more");
    expect(part(el, "total")).to.equal("$55.00");
  });

  it("re-asks when by changes, and says what is missing without it", async () => {
    const api = await attrs();
    const el = await fixture<KpiBreakdown>(
      html`<kpi-breakdown
          metric="revenue"
          endpoint=${api.endpoint}
          token=${api.token}
          range=${CHANNEL_WEEK.range}
          tz=${CHANNEL_WEEK.tz}
          now=${api.now}
        ></kpi-breakdown>`,
    );
    await until(() => el.shadowRoot!.querySelector("[part~=error]"), "no error for a missing by");
    expect(part(el, "error")).to.equal("This figure isn't available here.");
    const loaded = next(el, "kpi-load");
    el.by = "channel";
    await loaded;
    await el.updateComplete;
    expect(rows(el)[0]).to.deep.equal(["web", "$160.00", "36.4%"]);
  });

  it("shows the API's refusal of a dimension the KPI cannot be split by", async () => {
    const api = await attrs();
    const el = await fixture<KpiBreakdown>(
      html`<kpi-breakdown
          metric="revenue"
          by="reason"
          endpoint=${api.endpoint}
          token=${api.token}
          range=${CHANNEL_WEEK.range}
          now=${api.now}
        ></kpi-breakdown>`,
    );
    const e = await next(el, "kpi-error");
    await el.updateComplete;
    expect(e.detail).to.deep.include({ status: 400, retryable: false, metric: "revenue" });
    expect(e.detail.message).to.contain("cannot be split by reason");
    expect(part(el, "error")).to.equal("This figure isn't available here.");
  });
});

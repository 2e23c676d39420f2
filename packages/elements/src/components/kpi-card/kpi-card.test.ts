import { LOCALES, type Result } from "@kpikit/core";
import { expect, fixture, html } from "@open-wc/testing";
import { nothing } from "lit";
import { KpiClient } from "../../client/data-client.js";
import "../../index.js";
import {
  addOrder,
  freshToken,
  hasPart,
  next,
  pageErrors,
  part,
  requestCounts,
  result,
  testApi,
  uniqueNow,
  WEEK,
  until,
} from "../../../test/support.js";
import type { KpiCard } from "./kpi-card.js";

afterEach(() => expect(pageErrors()).to.deep.equal([]));

/**
 * The real API under a path of this test's own, and how many batches it has been sent: test files
 * run side by side, so the API's total counts other files' requests too.
 */
async function ownEndpoint() {
  const id = Math.random().toString(36).slice(2);
  const endpoint = `${(await testApi()).endpoint}/fault/pass/${id}`;
  return { endpoint, posts: async () => (await requestCounts())[`POST /fault/pass/${id}/v1/query`] ?? 0 };
}

/** Collects what widgets write to the console (and still writes it), until restored. */
function spyConsole() {
  const lines: string[] = [];
  const { warn, error } = console;
  console.warn = (...args: unknown[]) => {
    lines.push(String(args[0]));
    warn(...args);
  };
  console.error = (...args: unknown[]) => {
    lines.push(String(args[0]));
    error(...args);
  };
  return {
    /** Waits for a line that contains `text` (the console's module loads with a widget's first error). */
    heard: (text: string) => until(() => lines.some((l) => l.includes(text)), `the console never said ${text}`),
    restore: () => {
      Object.assign(console, { warn, error });
      return lines;
    },
  };
}

async function card(data: ReturnType<typeof result>, locale = "en"): Promise<KpiCard> {
  const el = await fixture<KpiCard>(html`<kpi-card locale=${locale} .data=${data}></kpi-card>`);
  await el.updateComplete;
  return el;
}

describe("<kpi-card> from .data", () => {
  it("shows the label, the value, the change and the comparison", async () => {
    const el = await card(result());
    expect(part(el, "label")).to.equal("Average order value");
    expect(part(el, "value")).to.equal("$60.00");
    expect(part(el, "delta")).to.contain("▲ +20.0%");
    expect(part(el, "comparison")).to.equal("vs previous period");
    expect(el.shadowRoot!.querySelector(".delta")!.classList.contains("tone-good")).to.be.true;
    expect(el.shadowRoot!.querySelector(".sparkline path")!.getAttribute("d")).to.match(/^M0,96L50,50L100,4$/);
  });

  it('draws the sparkline unless sparkline="false"', async () => {
    const off = await fixture<KpiCard>(html`<kpi-card sparkline="false" .data=${result()}></kpi-card>`);
    expect(off.sparkline).to.be.false;
    expect(off.shadowRoot!.querySelector(".sparkline")).to.be.null;
    off.sparkline = true;
    await off.updateComplete;
    expect(off.getAttribute("sparkline")).to.equal("");
    expect(off.shadowRoot!.querySelector(".sparkline path")).to.exist;
  });

  it("colours a rise red when lower is better, and a fall green", async () => {
    const up = await card(
      result({
        metric: { id: "refund_rate", label: "Refund rate", unit: "percent", better: "down" },
        value: 0.06,
        previous: 0.05,
        change: { absolute: 0.01, relative: 0.2 },
      }),
    );
    // A rate's change is in points: 5.0 % → 6.0 % is +1.0 pp.
    expect(part(up, "delta")).to.contain("▲ +1.0 pp");
    expect(up.shadowRoot!.querySelector(".delta")!.className).to.contain("tone-bad");
    const down = await card(
      result({
        metric: { unit: "percent", better: "down" },
        value: 0.04,
        previous: 0.05,
        change: { absolute: -0.01, relative: -0.2 },
      }),
    );
    expect(part(down, "delta")).to.contain("▼ -1.0 pp");
    expect(down.shadowRoot!.querySelector(".delta")!.className).to.contain("tone-good");
    const fall = await card(result({ value: 40, previous: 50, change: { absolute: -10, relative: -0.2 } }));
    expect(fall.shadowRoot!.querySelector(".delta")!.className).to.contain("tone-bad");
    const neutral = await card(result({ metric: { better: "none" } }));
    expect(neutral.shadowRoot!.querySelector(".delta")!.className).to.contain("tone-neutral");
  });

  it('shows "n/a" and no arrow without a previous value, never ∞', async () => {
    const el = await card(result({ previous: null, change: { absolute: null, relative: null } }));
    expect(el.shadowRoot!.querySelector(".delta [aria-hidden]")!.textContent).to.equal("n/a");
    expect(el.shadowRoot!.querySelector(".delta")!.getAttribute("data-direction")).to.equal("none");
    expect(el.shadowRoot!.textContent).not.to.contain("∞");
  });

  it('from a base of 0 or of the other sign: "n/a" for the ratio, beside the absolute change', async () => {
    // 0 → $60, and a loss of $50 turned into a profit of $46: up both times, and no "+192 %".
    for (const [value, previous, told] of [
      [60, 0, "▲ n/a (+$60.00)"],
      [46, -50, "▲ n/a (+$96.00)"],
    ] as const) {
      const el = await card(result({ value, previous, change: { absolute: value - previous, relative: null } }));
      expect(el.shadowRoot!.querySelector(".delta [aria-hidden]")!.textContent).to.equal(told);
      expect(el.shadowRoot!.querySelector(".delta")!.getAttribute("data-direction")).to.equal("up");
      expect(el.shadowRoot!.querySelector(".delta")!.className).to.contain("tone-good");
    }
  });

  it('tells a rate\'s change in points by default, and as delta="relative|absolute|points" asks', async () => {
    // On-time delivery from 90.0 % to 94.5 %: +4.5 points, +5.0 % relative.
    const rate = (locale = "en") =>
      result(
        {
          metric: { id: "on_time_delivery", label: "On-time delivery rate", unit: "percent" },
          value: 0.945,
          previous: 0.9,
          change: { absolute: 0.045, relative: 0.05 },
        },
        locale,
      );
    const told = async (delta?: string) => {
      const el = await fixture<KpiCard>(html`<kpi-card delta=${delta ?? nothing} .data=${rate()}></kpi-card>`);
      return el.shadowRoot!.querySelector(".delta [aria-hidden]")!.textContent;
    };
    expect(await told()).to.equal("▲ +4.5 pp");
    expect(await told("relative")).to.equal("▲ +5.0%");
    expect(await told("absolute")).to.equal("▲ +4.5%");
    expect(await told("points")).to.equal("▲ +4.5 pp");
    expect(part(await card(rate("ru"), "ru"), "delta")).to.contain("+4,5 п. п.");
    // Money has no points: asked for them, the card says n/a with the absolute change.
    const money = await fixture<KpiCard>(html`<kpi-card delta="points" .data=${result()}></kpi-card>`);
    expect(money.shadowRoot!.querySelector(".delta [aria-hidden]")!.textContent).to.equal("▲ n/a (+$10.00)");
  });

  it("says where a running month heads, and whether that meets the target", async () => {
    const pace = (onTrack: boolean | null) =>
      result({
        pace: { value: 1417.14, end: "2026-04-01T00:00:00+00:00", method: "run_rate", onTrack },
      });
    expect(part(await card(pace(null)), "pace")).to.equal("On pace for $1,417.14 by Mar 31");
    expect(part(await card(pace(true)), "pace")).to.equal("On pace for $1,417.14 by Mar 31 · meets the target");
    const short = await card(pace(false));
    expect(part(short, "pace")).to.equal("On pace for $1,417.14 by Mar 31 · short of the target");
    expect(short.shadowRoot!.querySelector('[part~="pace"] .tone-bad')).to.exist;
    expect(hasPart(await card(result()), "pace")).to.be.false;
  });

  it("formats in the five locales", async () => {
    const expected: Record<string, { comparison: string; na: string }> = {
      en: { comparison: "vs previous period", na: "n/a" },
      ru: { comparison: "к предыдущему периоду", na: "н/д" },
      ms: { comparison: "berbanding tempoh sebelumnya", na: "T/B" },
      "zh-Hans": { comparison: "较上期", na: "不适用" },
      "zh-Hant": { comparison: "較上期", na: "不適用" },
    };
    for (const [locale, words] of Object.entries(expected)) {
      const el = await card(result({ value: 1234.5 }, locale), locale);
      expect(part(el, "comparison")).to.equal(words.comparison);
      expect(part(el, "value")).to.equal(
        new Intl.NumberFormat(locale, { style: "currency", currency: "USD" }).format(1234.5).replace(/\s/g, " "),
      );
      const na = await card(result({ previous: 0, change: { absolute: 60, relative: null } }, locale), locale);
      expect(part(na, "delta")).to.contain(words.na);
    }
    expect(part(await card(result({ value: 1234.5 }, "ru"), "ru"), "value")).to.equal("1 234,50 $");
    expect(part(await card(result({ value: 1234.5 }, "zh-Hans"), "zh-Hans"), "value")).to.equal("US$1,234.50");
  });

  it("shows the value and change as the result formatted them, and formats neither again", async () => {
    const el = await card(result({ formatted: { value: "60 dollars", change: "+20 percent" } }));
    expect(part(el, "value")).to.equal("60 dollars");
    expect(part(el, "delta")).to.contain("▲ +20 percent");
    // The arrow and colour still follow the number; a missing formatted value reads "n/a".
    expect(el.shadowRoot!.querySelector(".delta")!.classList.contains("tone-good")).to.be.true;
    expect(part(await card(result({ formatted: { value: null, change: "+20.0%" } })), "value")).to.equal("n/a");
  });

  it("shows the target, the attainment and the status", async () => {
    const el = await card(result({ target: { value: 75, attainment: 0.8 }, status: "warning" }));
    expect(part(el, "target")).to.equal("Target: $75.00 · 80.0% of target");
    expect(part(el, "status")).to.equal("Warning");
    expect((el.shadowRoot!.querySelector(".bar") as HTMLElement).style.inlineSize).to.equal("80%");
  });

  it("shows a status without a target or a pace, in its pill (goals.ts, with the goals' styles)", async () => {
    const el = await card(result({ status: "critical" }));
    expect(part(el, "status")).to.equal("Critical");
    const pill = getComputedStyle(el.shadowRoot!.querySelector("[part=status]")!);
    expect([pill.borderRadius, pill.fontWeight]).to.deep.equal(["999px", "600"]);
    expect(hasPart(el, "target")).to.be.false;
    expect(hasPart(el, "pace")).to.be.false;
  });

  it("shows the empty state for a period without data", async () => {
    const el = await card(
      result({
        value: null,
        previous: null,
        change: { absolute: null, relative: null },
        series: [{ start: "2026-03-01T00:00:00+00:00", value: null, previous: null }],
      }),
    );
    expect(part(el, "empty")).to.equal("No data for this period");
  });

  it("shows an error for .data that is not a result, and tells the developer why", async () => {
    const failed = new Promise<CustomEvent>((resolve) =>
      document.addEventListener("kpi-error", (e) => resolve(e as CustomEvent), { once: true }),
    );
    const data = { metric: { id: "aov", unit: "currency" }, value: "3", change: {}, series: [] } as never;
    const el = await fixture<KpiCard>(html`<kpi-card .data=${data}></kpi-card>`);
    expect((await failed).detail.message).to.equal('.data is not a KPI result: value is "3", not a number or null');
    expect(part(el, "error")).to.equal("This figure isn't available here.");
    expect(hasPart(el, "retry")).to.be.false;
  });

  it("holds its layout from 160 px to 640 px", async () => {
    for (const width of [160, 240, 400, 640]) {
      const el = await fixture<KpiCard>(
        html`<kpi-card
            style="width: ${width}px"
            .data=${result({ value: 123456789.12, target: { value: 1, attainment: 2 }, status: "good" })}
          ></kpi-card>`,
      );
      const base = el.shadowRoot!.querySelector<HTMLElement>("[part=base]")!;
      expect(base.scrollWidth, `at ${width}px`).to.be.at.most(base.clientWidth + 2);
      expect(el.getBoundingClientRect().width).to.equal(width);
    }
  });

  for (const theme of ["light", "dark"]) {
    it(`passes axe in the ${theme} theme, in every state`, async () => {
      document.body.style.background = theme === "dark" ? "#0d1117" : "#fff";
      await expect(
        await fixture(
          html`<kpi-card
              theme=${theme}
              .data=${result({ target: { value: 75, attainment: 0.8 }, status: "critical" })}
            ></kpi-card>`,
        ),
      ).to.be.accessible();
      await expect(
        await fixture(html`<kpi-card theme=${theme} .data=${result({ value: null, series: [] })}></kpi-card>`),
      ).to.be.accessible();
      await expect(await fixture(html`<kpi-card theme=${theme} metric="aov"></kpi-card>`)).to.be.accessible();
      await expect(
        await fixture(
          html`<kpi-card theme=${theme} endpoint="http://127.0.0.1:1" metric="aov" now=${uniqueNow()}></kpi-card>`,
        ),
      ).to.be.accessible();
      document.body.style.background = "";
    });
  }
});

describe("<kpi-card> with the real API", () => {
  it("shows the value and change the API formatted, in the five locales", async () => {
    const api = await testApi();
    const percent = { style: "percent", signDisplay: "exceptZero", minimumFractionDigits: 1 } as const;
    for (const locale of LOCALES) {
      const el = await fixture<KpiCard>(
        html`<kpi-card metric="aov" locale=${locale} endpoint=${api.endpoint} token=${api.token}
          range=${WEEK.range} tz=${WEEK.tz} now=${uniqueNow()}></kpi-card>`,
      );
      const { detail } = await next(el, "kpi-load");
      await el.updateComplete;
      const { formatted } = detail.result as Result;
      const spaced = (s: string) => s.replace(/\s/g, " ");
      expect(formatted.value).to.equal(
        new Intl.NumberFormat(locale, { style: "currency", currency: "USD" }).format(60),
      );
      expect(formatted.change).to.equal(new Intl.NumberFormat(locale, percent).format(0.2));
      expect(part(el, "value"), locale).to.equal(spaced(formatted.value!));
      expect(part(el, "delta"), locale).to.contain(spaced(formatted.change!));
    }
  });

  it("renders from attributes: the value and change of the test week", async () => {
    const api = await testApi();
    const el = await fixture<KpiCard>(
      html`<kpi-card
          metric="aov"
          endpoint=${api.endpoint}
          token=${api.token}
          range=${WEEK.range}
          tz=${WEEK.tz}
          now=${uniqueNow()}
        ></kpi-card>`,
    );
    expect(el.shadowRoot!.querySelector("[aria-busy=true]")).to.exist;
    await next(el, "kpi-load");
    await el.updateComplete;
    // Orders of 30 and 90 against 40 and 60 the week before: 60 vs 50, +20 %.
    expect(part(el, "value")).to.equal("$60.00");
    expect(part(el, "delta")).to.contain("▲ +20.0%");
    expect(part(el, "label")).to.equal("Average order value");
  });

  it('compares with several baselines: compare="previous_period previous_year target"', async () => {
    const api = await testApi();
    const el = await fixture<KpiCard>(
      html`<kpi-card
          metric="aov"
          endpoint=${api.endpoint}
          token=${api.token}
          range=${WEEK.range}
          tz=${WEEK.tz}
          now=${uniqueNow()}
          compare="previous_period previous_year target"
        ></kpi-card>`,
    );
    await next(el, "kpi-load");
    await el.updateComplete;
    const rows = [...el.shadowRoot!.querySelectorAll(".delta-row")].map((row) => [
      row.querySelector("[aria-hidden]")!.textContent,
      row.querySelector('[part~="comparison"]')!.textContent,
    ]);
    // 60 against 50 the week before; no order in March 2025; March's target is 75: 60 is 20 % short.
    expect(rows).to.deep.equal([
      ["▲ +20.0%", "vs previous period"],
      ["n/a", "vs previous year"],
      ["▼ -20.0%", "vs target"],
    ]);
    expect(el.shadowRoot!.querySelectorAll(".delta")[2]!.className).to.contain("tone-bad");
  });

  it("says which word of compare it does not know, and asks nothing", async () => {
    const api = await testApi();
    const spy = spyConsole();
    const el = await fixture<KpiCard>(
      html`<kpi-card metric="aov" endpoint=${api.endpoint} token=${api.token} compare="previous_week"></kpi-card>`,
    );
    await el.updateComplete;
    await spy.heard("previous_week");
    const said = spy.restore();
    expect(part(el, "error")).to.equal("This figure isn't available here.");
    expect(said.join("\n")).to.contain('compare="previous_week": previous_week is not one of');
  });

  it("takes its configuration from <kpi-provider>, and its labels in the provider's locale", async () => {
    const api = await testApi();
    const root = await fixture(html`<kpi-provider
          endpoint=${api.endpoint}
          token=${api.token}
          locale="ru"
          tz="UTC"
          range=${WEEK.range}
          now=${uniqueNow()}
        >
      <kpi-card metric="aov"></kpi-card>
    </kpi-provider>`);
    const el = root.querySelector("kpi-card")!;
    await next(el, "kpi-load");
    await el.updateComplete;
    expect(part(el, "label")).to.equal("Средний чек (AOV)");
    expect(part(el, "value")).to.equal("60,00 $");
  });

  it("takes from an outer <kpi-provider> what an inner one does not set", async () => {
    const api = await testApi();
    const root = await fixture(html`<kpi-provider
          endpoint=${api.endpoint}
          token=${api.token}
          locale="ru"
          tz="UTC"
          range="last_7_days"
          now=${uniqueNow()}
        >
      <kpi-provider range=${WEEK.range} locale="en"><kpi-card metric="aov"></kpi-card></kpi-provider>
    </kpi-provider>`);
    const el = root.querySelector("kpi-card")!;
    await next(el, "kpi-load");
    await el.updateComplete;
    expect(part(el, "label")).to.equal("Average order value");
    expect(part(el, "value")).to.equal("$60.00");
  });

  it("sends one request for ten widgets, with identical queries sent once", async () => {
    const api = await testApi();
    const now = uniqueNow();
    const { endpoint, posts } = await ownEndpoint();
    const metrics = ["aov", "aov", "revenue", "orders", "revenue", "aov", "orders", "aov", "revenue", "orders"];
    const root =
      await fixture(html`<kpi-provider endpoint=${endpoint} token=${api.token} tz="UTC" range=${WEEK.range} now=${now}>
      ${metrics.map((m, i) =>
        i % 3 === 0
          ? html`<kpi-gauge metric=${m}></kpi-gauge>`
          : i % 3 === 1
            ? html`<kpi-card metric=${m}></kpi-card>`
            : html`<kpi-sparkline metric=${m}></kpi-sparkline>`,
      )}
    </kpi-provider>`);
    const widgets = [...root.children];
    await Promise.all(
      widgets.map((w) =>
        (w as KpiCard).shadowRoot!.querySelector("[aria-busy]") ? next(w, "kpi-load") : Promise.resolve(),
      ),
    );
    expect(await posts()).to.equal(1);
    expect(part(widgets[4]!, "value")).to.equal("$120.00"); // revenue: 30 + 90
  });

  it("a refused query: a short message for the visitor, the API's detail for the developer, no retry", async () => {
    const api = await testApi();
    const logged = spyConsole();
    const el = await fixture<KpiCard>(
      html`<kpi-card
          metric="aov"
          range="last_fortnight"
          endpoint=${api.endpoint}
          token=${api.token}
          now=${uniqueNow()}
        ></kpi-card>`,
    );
    const e = await next(el, "kpi-error");
    await el.updateComplete;
    expect(e.detail).to.deep.include({ status: 400, retryable: false, metric: "aov" });
    expect(e.detail.message).to.contain("range: must be a preset");
    expect(part(el, "error")).to.equal("This figure isn't available here.");
    expect(hasPart(el, "retry")).to.be.false; // the same query would be refused again
    expect(hasPart(el, "label")).to.be.false; // no raw metric id as a title
    expect(el.shadowRoot!.querySelector("[role=alert]")).to.exist;
    await logged.heard('<kpi-card metric="aov">');
    const lines = logged.restore().filter((l) => l.includes('<kpi-card metric="aov">'));
    expect(lines).to.have.length(1);
    expect(lines[0])
      .to.contain("range: must be a preset")
      .and.contain("(HTTP 400)")
      .and.contain(`Troubleshooting: ${api.endpoint}/docs`);
  });

  it("says a refusal in the visitor's language, with the label the page gave; the console hears it once", async () => {
    const api = await testApi();
    const logged = spyConsole();
    const messages: Record<string, string> = {
      en: "This figure isn't available here.",
      ru: "Эти данные здесь недоступны.",
      ms: "Angka ini tidak tersedia di sini.",
      "zh-Hans": "此处无法显示此数据。",
      "zh-Hant": "此處無法顯示此資料。",
    };
    for (const [locale, message] of Object.entries(messages)) {
      // The test page's origin is not among the tenant's allowed origins: the key is refused (403).
      const el = await fixture<KpiCard>(
        html`<kpi-card
            metric="revenue"
            label="Umsatz"
            locale=${locale}
            endpoint=${api.endpoint}
            token=${api.publishableKey}
            range=${WEEK.range}
          ></kpi-card>`,
      );
      const e = await next(el, "kpi-error");
      await el.updateComplete;
      expect(e.detail.status).to.equal(403);
      expect(e.detail.message).to.match(
        /^this publishable key may not be used from http:\/\/localhost:\d+: add it to the tenant's allowed origins/,
      );
      expect(part(el, "error")).to.equal(message);
      expect(part(el, "label")).to.equal("Umsatz");
      expect(hasPart(el, "retry")).to.be.false;
    }
    await logged.heard("this publishable key may not be used from");
    expect(logged.restore().filter((l) => l.includes("this publishable key may not be used from"))).to.have.length(1);
  });

  it("an unknown KPI is reported as such, whatever the credential", async () => {
    const api = await testApi();
    const el = await fixture<KpiCard>(
      html`<kpi-card metric="nope" endpoint=${api.endpoint} token=${api.token} range=${WEEK.range}></kpi-card>`,
    );
    const e = await next(el, "kpi-error");
    expect([e.detail.status, e.detail.message]).to.deep.equal([404, 'there is no KPI "nope"']);
  });

  it("waits for a tokenProvider set after it rendered (the README's order), then loads without a refusal", async () => {
    const { endpoint, posts } = await ownEndpoint();
    const root = await fixture(
      html`<kpi-provider
          endpoint=${endpoint}
          range=${WEEK.range}
          tz="UTC"
          now=${uniqueNow()}
        ><kpi-card metric="aov"></kpi-card></kpi-provider>`,
    );
    const el = root.querySelector("kpi-card")!;
    const errors: unknown[] = [];
    el.addEventListener("kpi-error", (e) => errors.push((e as CustomEvent).detail));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector("[aria-busy=true]")).to.exist; // waiting, not failed
    const loaded = next(el, "kpi-load");
    (root as HTMLElement & { tokenProvider: () => Promise<string> }).tokenProvider = freshToken;
    await loaded;
    await el.updateComplete;
    expect(part(el, "value")).to.equal("$60.00");
    expect(errors).to.deep.equal([]);
    expect(await posts()).to.equal(1); // no request went out without a credential
  });

  it("says what is missing when the page never gives a credential", async () => {
    const api = await testApi();
    const el = await fixture<KpiCard>(
      html`<kpi-card metric="aov" endpoint=${api.endpoint} range=${WEEK.range}></kpi-card>`,
    );
    const e = await next(el, "kpi-error");
    await el.updateComplete;
    expect(e.detail).to.deep.include({ status: 0, retryable: false });
    expect(e.detail.message).to.match(/^no credential: set token/);
    expect(part(el, "error")).to.equal("This figure isn't available here.");
  });

  it("says what is missing when no metric is set", async () => {
    const failed = new Promise<CustomEvent>((resolve) =>
      document.addEventListener("kpi-error", (e) => resolve(e as CustomEvent), { once: true }),
    );
    const el = await fixture<KpiCard>(html`<kpi-card endpoint="http://127.0.0.1:1" token="kpi_pk_test"></kpi-card>`);
    // Shown at once; the developer's words follow (internal/setup.ts).
    expect(part(el, "error")).to.equal("This figure isn't available here.");
    const e = await failed;
    expect(e.detail).to.deep.include({ status: 0, retryable: false });
    expect(e.detail.message).to.equal('set the metric attribute, e.g. metric="aov"');
  });

  it("says what is missing when no endpoint is set", async () => {
    // Listened for first: the error may come as soon as the element renders.
    const failed = new Promise<CustomEvent>((resolve) =>
      document.addEventListener("kpi-error", (e) => resolve(e as CustomEvent), { once: true }),
    );
    const el = await fixture<KpiCard>(html`<kpi-card metric="aov" token="kpi_pk_test"></kpi-card>`);
    const e = await failed;
    await el.updateComplete;
    expect(e.detail).to.deep.include({ status: 0, retryable: false });
    expect(e.detail.message).to.match(/^no API endpoint: set endpoint/);
    expect(part(el, "error")).to.equal("This figure isn't available here.");
  });

  it("renews a refused token through tokenProvider", async () => {
    const api = await testApi();
    let calls = 0;
    const provider = async () => {
      calls++;
      return freshToken();
    };
    const root = await fixture(html`<kpi-provider
          endpoint=${api.endpoint}
          token="eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.bad"
          .tokenProvider=${provider}
          range=${WEEK.range}
          tz="UTC"
          now=${uniqueNow()}
        >
      <kpi-card metric="aov"></kpi-card>
    </kpi-provider>`);
    const el = root.querySelector("kpi-card")!;
    await next(el, "kpi-load");
    await el.updateComplete;
    expect(calls).to.equal(1); // the expired token is renewed before it is even sent
    expect(part(el, "value")).to.equal("$60.00");
  });

  it("follows a KPI live over server-sent events", async () => {
    const api = await testApi();
    // Live orders land on 2026-03-09, outside the week the other tests read.
    const el = await fixture<KpiCard>(
      html`<kpi-card
          live
          metric="orders"
          endpoint=${api.endpoint}
          token=${api.token}
          range="2026-03-09..2026-03-10"
          tz="UTC"
          now=${uniqueNow()}
        ></kpi-card>`,
    );
    await next(el, "kpi-load");
    await el.updateComplete;
    const before = Number(part(el, "value"));
    expect(await addOrder(10)).to.equal(200);
    // The stream first repeats the current value; the order arrives in a later update.
    while (Number(part(el, "value")) !== before + 1) {
      await next(el, "kpi-load");
      await el.updateComplete;
    }
    expect(Number(part(el, "value"))).to.equal(before + 1);
    el.remove();
  });
});

describe("<kpi-card> when the API misbehaves", () => {
  const faulty = async (kind: string) =>
    `${(await testApi()).endpoint}/fault/${kind}/${Math.random().toString(36).slice(2)}`;

  /** A card that failed: the developer's detail, and that the visitor sees the short message with Retry. */
  async function failing(kind: string, endpoint?: string): Promise<{ el: KpiCard; message: string }> {
    const api = await testApi();
    const el = await fixture<KpiCard>(
      html`<kpi-card
          metric="aov"
          endpoint=${endpoint ?? (await faulty(kind))}
          token=${api.token}
          now=${uniqueNow()}
        ></kpi-card>`,
    );
    const e = await next(el, "kpi-error");
    await el.updateComplete;
    expect(part(el, "error")).to.equal("This figure can't be loaded right now.");
    expect(hasPart(el, "retry")).to.be.true;
    expect(e.detail.retryable).to.be.true;
    return { el, message: e.detail.message };
  }

  it("server down: says it cannot reach the service", async () => {
    expect((await failing("", "http://127.0.0.1:1")).message).to.contain("could not be reached");
  });

  it("slow: gives up after the client's timeout", async () => {
    const endpoint = await faulty("slow");
    KpiClient.for(endpoint, { timeoutMs: 300 });
    expect((await failing("", endpoint)).message).to.contain("did not answer within");
  });

  it("500 with problem+json: shows the problem's detail", async () => {
    expect((await failing("500")).message).to.contain("the database is on fire");
  });

  it("502 with an HTML page: shows the status", async () => {
    expect((await failing("html-500")).message).to.contain("HTTP 502");
  });

  it("invalid JSON and an unexpected shape: says so", async () => {
    expect((await failing("invalid-json")).message).to.contain("not valid JSON");
    expect((await failing("wrong-shape")).message).to.contain("cannot read");
  });

  it("results in another order: each widget refuses another KPI's result", async () => {
    const api = await testApi();
    const endpoint = await faulty("reversed");
    const root = await fixture(html`<kpi-provider
          endpoint=${endpoint}
          token=${api.token}
          range=${WEEK.range}
          tz="UTC"
          now=${uniqueNow()}
        >
      <kpi-card metric="aov"></kpi-card><kpi-card metric="revenue"></kpi-card>
    </kpi-provider>`);
    const [aov, revenue] = [...root.querySelectorAll("kpi-card")];
    const [a, r] = await Promise.all([next(aov!, "kpi-error"), next(revenue!, "kpi-error")]);
    expect(a.detail.message).to.contain("it is the result of revenue");
    expect(r.detail.message).to.contain("it is the result of aov");
    await aov!.updateComplete;
    expect(hasPart(aov!, "value")).to.be.false;
  });

  it("a value that is not a number: an error, not n/a", async () => {
    expect((await failing("string-value")).message).to.match(/value is "[\d.]+", not a number or null$/);
  });

  it("429: waits for Retry-After and tries again; gives up with the API's message if it persists", async () => {
    const api = await testApi();
    const el = await fixture<KpiCard>(
      html`<kpi-card
          metric="aov"
          endpoint=${await faulty("once-429")}
          token=${api.token}
          range=${WEEK.range}
          tz="UTC"
          now=${uniqueNow()}
        ></kpi-card>`,
    );
    await next(el, "kpi-load");
    await el.updateComplete;
    expect(part(el, "value")).to.equal("$60.00");
    expect((await failing("always-429")).message).to.contain("too many requests");
  });

  it("retry reloads after an error", async () => {
    const api = await testApi();
    const el = await fixture<KpiCard>(
      html`<kpi-card
          metric="aov"
          endpoint=${await faulty("once-500")}
          token=${api.token}
          range=${WEEK.range}
          tz="UTC"
          now=${uniqueNow()}
        ></kpi-card>`,
    );
    await next(el, "kpi-error");
    await el.updateComplete;
    const loaded = next(el, "kpi-load");
    el.shadowRoot!.querySelector<HTMLButtonElement>("[part=retry]")!.click();
    await loaded;
    await el.updateComplete;
    expect(part(el, "value")).to.equal("$60.00");
  });

  it("keeps the last value, marked stale, when a refresh fails", async () => {
    const api = await testApi();
    const el = await fixture<KpiCard>(
      html`<kpi-card
          metric="aov"
          refresh="1"
          endpoint=${await faulty("fail-after-1")}
          token=${api.token}
          range=${WEEK.range}
          tz="UTC"
          now=${uniqueNow()}
        ></kpi-card>`,
    );
    await next(el, "kpi-load");
    await next(el, "kpi-error");
    await el.updateComplete;
    expect(part(el, "value")).to.equal("$60.00");
    expect(part(el, "stale")).to.equal("Data may be out of date");
    el.remove();
  });
});

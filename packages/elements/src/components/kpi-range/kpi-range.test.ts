import { LOCALES, type Result } from "@kpikit/core";
import { expect, fixture, html } from "@open-wc/testing";
import { sendKeys, setViewport } from "@web/test-runner-commands";
import "../../index.js";
import { pageErrors, part, testApi, uniqueNow, WEEK, until } from "../../../test/support.js";
import type { KpiCard } from "../kpi-card/kpi-card.js";
import type { KpiProvider } from "../kpi-provider/kpi-provider.js";
import { weekStart } from "./calendar.js";
import type { KpiRange, KpiRangeChangeDetail } from "./kpi-range.js";

const PAGE = location.pathname;
afterEach(() => {
  history.replaceState(null, "", PAGE);
  expect(pageErrors()).to.deep.equal([]);
});

const shadow = (el: KpiRange) => el.shadowRoot!;
const select = (el: KpiRange, name: "preset" | "compare") =>
  shadow(el).querySelector<HTMLSelectElement>(`[part~="${name}"]`)!;
const dialog = (el: KpiRange) => shadow(el).querySelector("dialog")!;
/** The element focused inside the picker's shadow root. */
const focused = (el: KpiRange) => shadow(el).activeElement as HTMLElement | null;
const focusedDate = (el: KpiRange) => focused(el)?.getAttribute("aria-label");
const weekdays = (el: KpiRange) => [...shadow(el).querySelectorAll("th")].map((th) => th.getAttribute("abbr"));

/** Chooses an option as the browser does: the select's value, then its change event. */
function choose(el: KpiRange, name: "preset" | "compare", value: string): void {
  const list = select(el, name);
  list.value = value;
  list.dispatchEvent(new Event("change", { bubbles: true }));
}

/** Opens the calendar from the keyboard: Tab to the dates button, Enter. */
async function openByKeyboard(el: KpiRange): Promise<void> {
  shadow(el).querySelector<HTMLElement>('[part~="dates"]')!.focus();
  await sendKeys({ press: "Enter" });
  await until(() => dialog(el).open && focused(el)?.getAttribute("part") === "day", "the calendar did not open");
}

/** Presses keys in turn; `Shift+Key` holds Shift (the Chromium driver presses one key at a time). */
async function press(el: KpiRange, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    const [shift, pressed] = key.startsWith("Shift+") ? [true, key.slice(6)] : [false, key];
    if (shift) await sendKeys({ down: "Shift" });
    await sendKeys({ press: pressed });
    if (shift) await sendKeys({ up: "Shift" });
  }
  await el.updateComplete;
}

/** Goes back or forward, and waits until the page has arrived (its popstate event). */
function traverse(go: () => void): Promise<unknown> {
  const arrived = new Promise((resolve) => window.addEventListener("popstate", resolve, { once: true }));
  go();
  return arrived;
}

/** The widgets' test API around a picker and a card, on the fixed week's zone. */
async function dashboard(range: string, compare = "previous_period") {
  const api = await testApi();
  const root = await fixture<KpiProvider>(html`<kpi-provider
      endpoint=${api.endpoint}
      token=${api.token}
      tz="UTC"
      locale="en"
      range=${range}
      compare=${compare}
      now=${uniqueNow()}
    >
    <kpi-range></kpi-range>
    <kpi-card metric="aov"></kpi-card>
  </kpi-provider>`);
  const picker = root.querySelector("kpi-range")!;
  const card = root.querySelector<KpiCard>("kpi-card")!;
  await picker.updateComplete;
  return { root, picker, card };
}

/** Waits for the card's result for the given range and comparison. */
async function resultFor(card: KpiCard, check: (r: Result) => boolean): Promise<Result> {
  let last: Result | undefined;
  await until(() => {
    last = (card as unknown as { result?: Result }).result;
    return last !== undefined && check(last);
  }, "the card never showed the chosen range");
  await card.updateComplete;
  return last!;
}

describe("<kpi-range>", () => {
  it("lists core's presets and the comparisons in the five locales", async () => {
    const expected: Record<string, { label: string; preset: string; compare: string; none: string }> = {
      en: { label: "Date range", preset: "Last 30 days", compare: "Compare with", none: "No comparison" },
      ru: { label: "Период", preset: "Последние 30 дней", compare: "Сравнение", none: "Без сравнения" },
      ms: { label: "Julat tarikh", preset: "30 hari lepas", compare: "Bandingkan dengan", none: "Tiada perbandingan" },
      "zh-Hans": { label: "日期范围", preset: "最近 30 天", compare: "对比", none: "不对比" },
      "zh-Hant": { label: "日期範圍", preset: "最近 30 天", compare: "對比", none: "不對比" },
    };
    for (const locale of LOCALES) {
      const el = await fixture<KpiRange>(html`<kpi-range locale=${locale}></kpi-range>`);
      const labels = [...shadow(el).querySelectorAll('[part~="label"]')].map((l) => l.textContent);
      const presets = [...select(el, "preset").options];
      const want = expected[locale]!;
      expect(labels, locale).to.deep.equal([want.label, want.compare]);
      expect(select(el, "preset").selectedOptions[0]!.textContent, locale).to.equal(want.preset);
      expect(
        presets.map((o) => o.value),
        locale,
      ).to.deep.equal([
        "today",
        "yesterday",
        "last_7_days",
        "last_28_days",
        "last_30_days",
        "last_90_days",
        "mtd",
        "qtd",
        "ytd",
        "last_month",
        "last_year",
      ]);
      // Every preset has a label of its own in every locale, not a key.
      expect(new Set(presets.map((o) => o.textContent)).size, locale).to.equal(presets.length);
      expect(
        presets.some((o) => o.textContent!.startsWith("range_")),
        locale,
      ).to.be.false;
      expect(select(el, "compare").options[2]!.textContent, locale).to.equal(want.none);
      expect(shadow(el).querySelector(".bar")!.getAttribute("lang")).to.equal(locale);
    }
  });

  it("offers only the presets it is given, and shows a custom range's dates", async () => {
    const el = await fixture<KpiRange>(
      html`<kpi-range presets="last_7_days mtd nonsense" range="2026-03-01..2026-03-08"></kpi-range>`,
    );
    expect([...select(el, "preset").options].map((o) => o.value)).to.deep.equal([
      "last_7_days",
      "mtd",
      "2026-03-01..2026-03-08",
    ]);
    expect(select(el, "preset").value).to.equal("2026-03-01..2026-03-08");
    expect(select(el, "preset").selectedOptions[0]!.textContent).to.equal("Custom range");
    expect(part(el, "dates")).to.equal("Mar 1 – 7, 2026");
  });

  it("starts the week on Sunday in English and on Monday in Russian", async () => {
    const en = await fixture<KpiRange>(html`<kpi-range locale="en" range="2026-03-01..2026-03-08"></kpi-range>`);
    await openByKeyboard(en);
    expect(weekdays(en)).to.deep.equal(["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]);
    // 1 March 2026 is a Sunday: the first cell of the first week in English.
    const enFirstRow = shadow(en).querySelector("tbody tr")!.children;
    expect(enFirstRow[0]!.textContent!.trim()).to.equal("1");
    expect(part(en, "month")).to.equal("March 2026");
    await press(en, "Escape");

    const ru = await fixture<KpiRange>(html`<kpi-range locale="ru" range="2026-03-01..2026-03-08"></kpi-range>`);
    await openByKeyboard(ru);
    expect(weekdays(ru)[0]).to.equal("понедельник");
    expect(weekdays(ru)[6]).to.equal("воскресенье");
    const ruFirstRow = shadow(ru).querySelector("tbody tr")!.children;
    expect(ruFirstRow[6]!.textContent!.trim()).to.equal("1");
    expect(ruFirstRow[0]!.classList.contains("blank")).to.be.true;
    expect(part(ru, "month").toLowerCase()).to.equal("март 2026 г.");
    expect(focusedDate(ru)).to.equal("воскресенье, 1 марта 2026 г.");
    await press(ru, "Escape");
  });

  it("moves through the calendar with the keyboard and closes on Escape, focus back on its button", async () => {
    const el = await fixture<KpiRange>(html`<kpi-range locale="en" range="2026-03-04..2026-03-05"></kpi-range>`);
    await openByKeyboard(el);
    expect(shadow(el).querySelector('[part~="dialog"]')!.getAttribute("aria-labelledby")).to.equal("heading");
    expect(focusedDate(el)).to.equal("Wednesday, March 4, 2026");
    // Only the focused day is in the tab order (a roving tabindex).
    expect(shadow(el).querySelectorAll('[part~="day"][tabindex="0"]').length).to.equal(1);
    await press(el, "ArrowRight");
    expect(focusedDate(el)).to.equal("Thursday, March 5, 2026");
    await press(el, "ArrowDown");
    expect(focusedDate(el)).to.equal("Thursday, March 12, 2026");
    await press(el, "ArrowLeft", "ArrowUp");
    expect(focusedDate(el)).to.equal("Wednesday, March 4, 2026");
    await press(el, "Home");
    expect(focusedDate(el)).to.equal("Sunday, March 1, 2026");
    await press(el, "End");
    expect(focusedDate(el)).to.equal("Saturday, March 7, 2026");
    await press(el, "PageDown");
    expect(focusedDate(el)).to.equal("Tuesday, April 7, 2026");
    expect(part(el, "month")).to.equal("April 2026");
    await press(el, "PageUp", "PageUp");
    expect(focusedDate(el)).to.equal("Saturday, February 7, 2026");
    await press(el, "Shift+PageDown");
    expect(focusedDate(el)).to.equal("Sunday, February 7, 2027");
    // Across a month's start: the grid turns to the month before.
    await press(el, "PageUp", "Shift+PageUp", "ArrowUp");
    expect(focusedDate(el)).to.equal("Wednesday, December 31, 2025");
    expect(part(el, "month")).to.equal("December 2025");
    await press(el, "Escape");
    await until(() => !dialog(el).open, "Escape did not close the calendar");
    expect(focused(el)?.getAttribute("part")).to.equal("dates");
    expect(el.range).to.equal("2026-03-04..2026-03-05");
  });

  it("a range picked by keyboard goes to the provider and into the widgets' queries", async () => {
    const { root, picker, card } = await dashboard("2026-03-10..2026-03-11");
    await resultFor(card, (r) => r.range.start.startsWith("2026-03-10"));
    const changes: KpiRangeChangeDetail[] = [];
    root.addEventListener("kpi-range-change", (e) => changes.push(e.detail));
    await openByKeyboard(picker);
    expect(focusedDate(picker)).to.equal("Tuesday, March 10, 2026");
    await press(picker, "Home", "Enter");
    expect(part(picker, "hint")).to.equal("Choose the last day");
    await press(picker, "End");
    // The days between the first and the focused one show as the range so far.
    expect(shadow(picker).querySelectorAll('[aria-selected="true"]').length).to.equal(7);
    await press(picker, "Space");
    await until(() => !dialog(picker).open, "the calendar stayed open");
    expect(changes).to.deep.equal([{ range: "2026-03-08..2026-03-15", compare: "previous_period" }]);
    expect(root.getAttribute("range")).to.equal("2026-03-08..2026-03-15");
    expect(picker.getAttribute("range")).to.equal("2026-03-08..2026-03-15");
    expect(focused(picker)?.getAttribute("part")).to.equal("dates");
    expect(part(picker, "dates")).to.equal("Mar 8 – 14, 2026");
    const r = await resultFor(card, (x) => x.range.start === "2026-03-08T00:00:00+00:00");
    expect(r.range.end).to.equal("2026-03-15T00:00:00+00:00");

    // Picked backwards: the earlier day starts the range. WEEK's orders: aov 60 against 50.
    await openByKeyboard(picker);
    await press(picker, "ArrowLeft", "Enter", "Home", "Enter");
    await until(() => root.getAttribute("range") === WEEK.range, "the second range did not reach the provider");
    await resultFor(card, (x) => x.range.start === "2026-03-01T00:00:00+00:00");
    expect(part(card, "value")).to.equal("$60.00");
    expect(part(card, "delta")).to.contain("+20.0%");
  });

  it("takes its state from the provider when it has none, and a preset chosen goes back to it", async () => {
    const { root, picker, card } = await dashboard("mtd", "previous_year");
    expect(select(picker, "preset").value).to.equal("mtd");
    expect(select(picker, "compare").value).to.equal("previous_year");
    expect(picker.hasAttribute("range")).to.be.false;
    choose(picker, "preset", "last_7_days");
    await picker.updateComplete;
    expect(root.getAttribute("range")).to.equal("last_7_days");
    expect(root.getAttribute("compare")).to.equal("previous_year");
    await resultFor(card, (r) => r.compare?.kind === "previous_year");
  });

  it("compares with none and with the previous year, and the widgets follow", async () => {
    const { root, picker, card } = await dashboard(WEEK.range);
    await resultFor(card, (r) => r.compare?.kind === "previous_period");
    select(picker, "compare").focus();
    choose(picker, "compare", "none");
    await picker.updateComplete;
    expect(root.getAttribute("compare")).to.equal("none");
    await resultFor(card, (r) => r.compare === null);
    await until(() => !card.shadowRoot!.querySelector('[part~="delta"]'), "the card still shows a change");

    choose(picker, "compare", "previous_year");
    await picker.updateComplete;
    expect(root.getAttribute("compare")).to.equal("previous_year");
    await resultFor(card, (r) => r.compare?.kind === "previous_year");
    await until(
      () => card.shadowRoot!.querySelector('[part~="comparison"]')?.textContent === "vs previous year",
      "the card never said vs previous year",
    );
  });

  it("is cancelable: a page that handles the change itself leaves everything as it was", async () => {
    const { root, picker } = await dashboard("last_30_days");
    const seen: KpiRangeChangeDetail[] = [];
    const cancel = (e: CustomEvent<KpiRangeChangeDetail>) => {
      seen.push(e.detail);
      e.preventDefault();
    };
    // Listening on the document: the change is made only once the event has gone all the way up.
    document.addEventListener("kpi-range-change", cancel as EventListener);
    try {
      choose(picker, "preset", "ytd");
      await picker.updateComplete;
      expect(seen).to.deep.equal([{ range: "ytd", compare: "previous_period" }]);
      expect(root.getAttribute("range")).to.equal("last_30_days");
      expect(picker.hasAttribute("range")).to.be.false;
      expect(select(picker, "preset").value).to.equal("last_30_days");
      choose(picker, "compare", "none");
      await picker.updateComplete;
      expect(root.getAttribute("compare")).to.equal("previous_period");
      expect(select(picker, "compare").value).to.equal("previous_period");
    } finally {
      document.removeEventListener("kpi-range-change", cancel as EventListener);
    }
    choose(picker, "preset", "ytd");
    await picker.updateComplete;
    expect(root.getAttribute("range")).to.equal("ytd");
  });

  it("sync-url: reads the URL on load, writes each choice to it, and follows back and forward", async () => {
    history.replaceState(null, "", `${PAGE}?tab=2&kpi-range=2026-03-01..2026-03-08&kpi-compare=none`);
    const api = await testApi();
    const root = await fixture<KpiProvider>(html`<kpi-provider
        endpoint=${api.endpoint}
        token=${api.token}
        tz="UTC"
        range="last_30_days"
        now=${uniqueNow()}
      >
      <kpi-range sync-url locale="en"></kpi-range>
      <kpi-card metric="aov"></kpi-card>
    </kpi-provider>`);
    const picker = root.querySelector("kpi-range")!;
    const card = root.querySelector<KpiCard>("kpi-card")!;
    await picker.updateComplete;
    expect(root.getAttribute("range")).to.equal("2026-03-01..2026-03-08");
    expect(root.getAttribute("compare")).to.equal("none");
    await resultFor(card, (r) => r.range.start === "2026-03-01T00:00:00+00:00" && r.compare === null);

    choose(picker, "preset", "last_7_days");
    await picker.updateComplete;
    const params = new URLSearchParams(location.search);
    expect(params.get("kpi-range")).to.equal("last_7_days");
    expect(params.get("kpi-compare")).to.equal("none");
    // The page's own parameters stay, and no history entry is added.
    expect(params.get("tab")).to.equal("2");
    const length = history.length;

    // A page's own navigation adds an entry; back returns to the one the picker wrote.
    history.pushState(null, "", `${PAGE}?kpi-range=qtd&kpi-compare=previous_year`);
    expect(history.length).to.equal(length + 1);
    const changes: string[] = [];
    picker.addEventListener("kpi-range-change", (e) => changes.push(`${e.detail.range} ${e.detail.compare}`));
    await traverse(() => history.back());
    expect(root.getAttribute("range")).to.equal("last_7_days");
    await traverse(() => history.forward());
    await until(() => root.getAttribute("range") === "qtd", "forward was not followed");
    expect(root.getAttribute("compare")).to.equal("previous_year");
    expect(select(picker, "preset").value).to.equal("qtd");
    expect(changes).to.deep.equal(["qtd previous_year"]);
  });

  it("sync-url: ignores what is not a range in the URL, and returns to its first state without one", async () => {
    history.replaceState(null, "", `${PAGE}?kpi-range=2026-02-30..2026-03-08&kpi-compare=last_week`);
    const el = await fixture<KpiRange>(html`<kpi-range sync-url range="mtd"></kpi-range>`);
    expect(el.value).to.deep.equal({ range: "mtd", compare: "previous_period" });
    history.pushState(null, "", `${PAGE}?kpi-range=yesterday`);
    choose(el, "compare", "none");
    await el.updateComplete;
    expect(location.search).to.equal("?kpi-range=mtd&kpi-compare=none");
    await traverse(() => history.back());
    expect(el.value).to.deep.equal({ range: "mtd", compare: "previous_period" });
  });

  it("fits a 390 px phone screen without sideways scrolling, calendar open", async () => {
    await setViewport({ width: 390, height: 800 });
    try {
      const el = await fixture<KpiRange>(html`<kpi-range locale="ms" range="2026-03-01..2026-03-08"></kpi-range>`);
      await openByKeyboard(el);
      const box = dialog(el).getBoundingClientRect();
      expect(box.left).to.be.at.least(0);
      expect(box.right).to.be.at.most(390);
      expect(document.documentElement.scrollWidth).to.be.at.most(390);
      expect(el.getBoundingClientRect().right).to.be.at.most(390);
      await press(el, "Escape");
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it("picks a day with a click, and Cancel closes without a change", async () => {
    const el = await fixture<KpiRange>(html`<kpi-range range="2026-03-04..2026-03-05"></kpi-range>`);
    await openByKeyboard(el);
    shadow(el).querySelector<HTMLElement>('[data-day][aria-label="Monday, March 9, 2026"]')!.click();
    await el.updateComplete;
    expect(part(el, "hint")).to.equal("Choose the last day");
    shadow(el).querySelector<HTMLElement>('[part~="cancel"]')!.click();
    await until(() => !dialog(el).open, "the calendar stayed open");
    expect(el.range).to.equal("2026-03-04..2026-03-05");
    // Opened again, it asks for the first day: the cancelled pick is forgotten.
    await openByKeyboard(el);
    expect(part(el, "hint")).to.equal("Choose the first day");
    await press(el, "Escape");
  });

  it("knows the week's first day by region where Intl.Locale has no week info", async () => {
    const proto = Intl.Locale.prototype as unknown as Record<string, unknown>;
    const saved = ["getWeekInfo", "weekInfo"].map(
      (name) => [name, Object.getOwnPropertyDescriptor(proto, name)] as const,
    );
    for (const [name] of saved) Object.defineProperty(proto, name, { value: undefined, configurable: true });
    try {
      expect(["en", "ru", "ms", "zh-Hans", "zh-Hant", "ar-EG", "pt-BR", "de"].map(weekStart)).to.deep.equal([
        7, 1, 1, 1, 7, 6, 7, 1,
      ]);
    } finally {
      for (const [name, descriptor] of saved) if (descriptor) Object.defineProperty(proto, name, descriptor);
    }
    expect(weekStart("en-GB")).to.equal(1);
    expect(weekStart("en-u-fw-mon")).to.equal(1);
  });
});

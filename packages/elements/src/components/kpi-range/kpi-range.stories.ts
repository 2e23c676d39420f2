import { COMPARES, LOCALES, RANGE_PRESETS } from "@kpikit/core";
import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html, nothing, type TemplateResult } from "lit";
import { expect, userEvent } from "storybook/test";
import { allLoaded, partText, until } from "../../stories/widget-stories.js";
import type { KpiRange } from "./kpi-range.js";

interface RangeArgs {
  range: string;
  compare: string;
  presets: string;
  locale: string;
}
type Story = StoryObj<RangeArgs>;

const picker = ({ range, compare, presets, locale }: RangeArgs): TemplateResult => html`<kpi-range
  range=${range || nothing}
  compare=${compare || nothing}
  presets=${presets || nothing}
  locale=${locale || nothing}
></kpi-range>`;

/** The picker of the story (the first). */
function rangeIn(canvas: HTMLElement): KpiRange {
  const el = canvas.querySelector("kpi-range");
  if (!el) throw new Error("the story rendered no <kpi-range>");
  return el;
}

/** Opens the calendar from its button and waits until a day has the focus. */
async function openCalendar(canvas: HTMLElement): Promise<KpiRange> {
  const el = rangeIn(canvas);
  const button = await until(() => el.shadowRoot!.querySelector<HTMLElement>('[part~="dates"]')!);
  await userEvent.click(button);
  await until(() => expect(el.shadowRoot!.activeElement?.getAttribute("part")).toBe("day"));
  return el;
}

/**
 * The range and comparison of the widgets around it: a choice sets the `<kpi-provider>`'s `range`
 * and `compare`, and every widget in it asks again.
 */
const meta: Meta<RangeArgs> = {
  title: "Widgets/kpi-range",
  component: "kpi-range",
  args: { range: "last_30_days", compare: "previous_period", presets: "", locale: "" },
  argTypes: {
    range: { control: "select", options: [...RANGE_PRESETS, "2026-10-01..2026-11-01"] },
    compare: { control: "select", options: COMPARES },
    locale: { control: "select", options: ["", ...LOCALES] },
  },
  render: (args) => html`${picker(args)}
    <div class="story-row">
      <kpi-card metric="revenue"></kpi-card>
      <kpi-card metric="aov"></kpi-card>
    </div>`,
};
export default meta;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await allLoaded(canvasElement, "kpi-card");
    const el = rangeIn(canvasElement);
    await until(() => expect(el.shadowRoot!.querySelector("select")!.value).toBe("last_30_days"));
  },
};

/** A range of your own dates: the button shows them. */
export const CustomRange: Story = {
  args: { range: "2026-10-01..2026-11-01" },
  play: async ({ canvasElement }) => {
    await allLoaded(canvasElement, "kpi-card");
    await expect(await partText(rangeIn(canvasElement), "dates")).toBe("Oct 1 – 31, 2026");
  },
};

/** The calendar open on the range's first day: arrows, Home, End, PageUp and PageDown move, Enter picks. */
export const Calendar: Story = {
  args: { range: "2026-10-05..2026-10-12" },
  render: picker,
  play: async ({ canvasElement }) => {
    const el = await openCalendar(canvasElement);
    await expect(await partText(el, "month")).toBe("October 2026");
    await expect(el.shadowRoot!.querySelectorAll('[aria-selected="true"]').length).toBe(7);
  },
};

/** A custom range picked with the keyboard reaches the provider, and the cards ask for it. */
export const PickByKeyboard: Story = {
  args: { range: "2026-10-05..2026-10-12" },
  play: async ({ canvasElement }) => {
    await allLoaded(canvasElement, "kpi-card");
    const el = await openCalendar(canvasElement);
    await userEvent.keyboard("{Home}{Enter}{ArrowDown}{ArrowDown}{End}{Enter}");
    await until(() => expect(el.range).toBe("2026-10-04..2026-10-25"));
    await until(() => expect(el.closest("kpi-provider")!.getAttribute("range")).toBe("2026-10-04..2026-10-25"));
    await expect(await partText(el, "dates")).toBe("Oct 4 – 24, 2026");
    await allLoaded(canvasElement, "kpi-card");
  },
};

/** No comparison: the cards show no change. */
export const CompareNone: Story = {
  args: { compare: "none" },
  play: async ({ canvasElement }) => {
    const [card] = await allLoaded(canvasElement, "kpi-card");
    await until(() => expect(card!.shadowRoot!.querySelector('[part~="delta"]')).toBeNull());
  },
};

/** Against the same dates a year earlier. */
export const PreviousYear: Story = {
  args: { compare: "previous_year" },
  play: async ({ canvasElement }) => {
    const [card] = await allLoaded(canvasElement, "kpi-card");
    await expect(await partText(card!, "comparison")).toBe("vs previous year");
  },
};

/** Only the presets a page offers, in its order. */
export const SomePresets: Story = {
  args: { presets: "last_7_days last_30_days mtd qtd ytd" },
  render: picker,
  play: async ({ canvasElement }) => {
    const options = await until(() => rangeIn(canvasElement).shadowRoot!.querySelectorAll("option"));
    await expect(options.length).toBe(5 + 3);
  },
};

/** The calendar in the dark theme. */
export const Dark: Story = {
  args: { range: "2026-10-05..2026-10-12" },
  globals: { theme: "dark" },
  render: picker,
  play: async ({ canvasElement }) => {
    await openCalendar(canvasElement);
  },
};

/** The labels, month and day names and the week's first day of each locale. */
export const Locales: Story = {
  render: (args) => html`<div class="story-grid">${LOCALES.map((locale) => picker({ ...args, locale }))}</div>`,
  play: async ({ canvasElement }) => {
    const labels = await Promise.all(
      [...canvasElement.querySelectorAll("kpi-range")].map((el) => partText(el, "label")),
    );
    await expect(new Set(labels).size).toBe(LOCALES.length);
  },
};

/** On a phone: the controls wrap and the calendar fits the screen. */
export const Phone: Story = {
  args: { range: "2026-10-05..2026-10-12", locale: "ms" },
  render: (args) => html`<div style="max-inline-size: 390px">${picker(args)}</div>`,
  play: async ({ canvasElement }) => {
    const el = rangeIn(canvasElement);
    await until(() => expect(el.getBoundingClientRect().width).toBeLessThanOrEqual(390));
    await openCalendar(canvasElement);
  },
};

import type { Result } from "@kpikit/core";
import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { expect, userEvent } from "storybook/test";
import { conversionWithTarget, negativeNps, revenueWithTarget, sparseNps } from "../../stories/chart-results.js";
import { partText, rendered, until, widget, widgetStories, type WidgetArgs } from "../../stories/widget-stories.js";

const stories = widgetStories("kpi-trend", {
  metric: "revenue",
  args: { grain: "day" },
  value: async (el) => {
    await partText(el, "plot");
    return el.shadowRoot!.querySelector("table")!.textContent!;
  },
});

const meta: Meta<WidgetArgs> = { ...stories.meta, title: "Widgets/kpi-trend" };
export default meta;

export const Default = stories.Default;
export const Loading = stories.Loading;
export const Empty = stories.Empty;
export const UnknownMetric = stories.UnknownMetric;
export const Offline = stories.Offline;
export const Stale = stories.Stale;
export const Statuses = stories.Statuses;
export const Dark = stories.Dark;
export const Locales = stories.Locales;

/** Arrow keys walk the days; the tooltip reads the day, this period and the previous one. */
export const Keyboard: StoryObj<WidgetArgs> = {
  play: async (context) => {
    await Default.play!(context);
    const el = rendered(context.canvasElement, "kpi-trend");
    (el.shadowRoot!.querySelector('[part~="plot"]') as HTMLElement).focus();
    await userEvent.keyboard("{End}");
    await expect(await partText(el, "tooltip")).toMatch(/Nov 1, 2026.*Current/);
  },
};

/** A story of one hand-made result, checked for what it is there to show. */
function chart(data: Result, shows: (root: ShadowRoot) => unknown): StoryObj<WidgetArgs> {
  return {
    render: (args) => widget("kpi-trend", args, data),
    play: async ({ canvasElement }) => {
      const root = rendered(canvasElement, "kpi-trend").shadowRoot!;
      await until(() => expect(shows(root)).toBeTruthy());
    },
  };
}

/** A rate's target across the chart, and its thresholds as faint bands. */
export const Target = chart(
  conversionWithTarget,
  (root) => root.querySelector(".target-line") && root.querySelector(".band"),
);

/**
 * Today is still running: its segment is dashed and faded, and the table says so. The month's
 * revenue target is pro-rated, a day's share each.
 */
export const PartialDay = chart(
  revenueWithTarget,
  (root) =>
    root.querySelector(".line.partial") &&
    root.querySelector("tbody tr:last-child th")!.textContent!.includes("so far"),
);

/** Most days have no survey: the known days are joined and marked, not left as dots. */
export const SparseNps = chart(sparseNps, (root) => root.querySelectorAll(".mark").length > 3);

/** Below zero, the area is filled up to the zero line. */
export const NegativeValues = chart(negativeNps, (root) => root.querySelector(".zero"));

/** The stories above in the dark theme. */
export const ChartsDark: StoryObj<WidgetArgs> = {
  args: { theme: "dark" },
  globals: { theme: "dark" },
  render: (args) =>
    html`<div class="story-grid">
      ${[conversionWithTarget, revenueWithTarget, sparseNps, negativeNps].map((data) =>
        widget("kpi-trend", args, data),
      )}
    </div>`,
  play: async ({ canvasElement }) => {
    const trends = [...canvasElement.querySelectorAll("kpi-trend")];
    await until(() => expect(trends.every((el) => el.shadowRoot?.querySelector(".line"))).toBe(true));
  },
};

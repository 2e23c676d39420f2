import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { expect } from "storybook/test";
import { conversionWithTarget, csat, negativeNps } from "../../stories/chart-results.js";
import { until, widget, widgetStories, type WidgetArgs } from "../../stories/widget-stories.js";

const stories = widgetStories("kpi-gauge", {
  metric: "conversion_rate",
  value: (el) => until(() => el.shadowRoot!.querySelector('[role="meter"]')!.getAttribute("aria-valuetext")!),
});

const meta: Meta<WidgetArgs> = { ...stories.meta, title: "Widgets/kpi-gauge" };
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

const meters = (canvas: HTMLElement) =>
  [...canvas.querySelectorAll("kpi-gauge")].map((el) => el.shadowRoot?.querySelector('[role="meter"]'));

/**
 * Each KPI on its own scale: a percentage from 0 to 100 % with its threshold bands, the same with
 * `max="0.5"` (50 %), a 1–5 rating, and NPS from −100 to 100 filled from zero.
 */
export const Scales: StoryObj<WidgetArgs> = {
  render: (args) => html`<div class="story-row">
    ${widget("kpi-gauge", args, conversionWithTarget)}
    ${widget("kpi-gauge", { ...args, max: 0.5 }, conversionWithTarget)}
    ${widget("kpi-gauge", args, csat)} ${widget("kpi-gauge", args, negativeNps)}
  </div>`,
  play: async ({ canvasElement }) => {
    const ends = await until(() => {
      const all = meters(canvasElement);
      if (all.some((m) => !m)) throw new Error("a gauge has no meter yet");
      return all.map((m) => `${m!.getAttribute("aria-valuemin")}..${m!.getAttribute("aria-valuemax")}`);
    });
    await expect(ends).toEqual(["0..1", "0..0.5", "1..5", "-100..100"]);
  },
};

export const ScalesDark: StoryObj<WidgetArgs> = { ...Scales, args: { theme: "dark" }, globals: { theme: "dark" } };

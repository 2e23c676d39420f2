import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { expect } from "storybook/test";
import { paceResult } from "../../stories/results.js";
import { allLoaded, partText, rendered, widget, widgetStories, type WidgetArgs } from "../../stories/widget-stories.js";

const stories = widgetStories("kpi-card", {
  metric: "aov",
  args: { sparkline: true },
  value: (el) => partText(el, "value"),
});

const meta: Meta<WidgetArgs> = { ...stories.meta, title: "Widgets/kpi-card" };
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

/** Revenue against the previous period, the same period a year before, and the target, at once. */
export const SeveralBaselines: StoryObj<WidgetArgs> = {
  args: { metric: "revenue", range: "mtd", compare: "previous_period previous_year target" },
  play: async ({ canvasElement }) => {
    const [el] = await allLoaded(canvasElement, "kpi-card");
    await expect(el!.shadowRoot!.querySelectorAll(".delta-row").length).toBeGreaterThanOrEqual(2);
  },
};

/** A month still running: where it heads by its last day, and that this falls short of the target. */
export const Pace: StoryObj<WidgetArgs> = {
  render: (args) => widget("kpi-card", { ...args, metric: "revenue" }, paceResult),
  play: async ({ canvasElement }) => {
    await expect(await partText(rendered(canvasElement, "kpi-card"), "pace")).toMatch(/^On pace for .* target$/);
  },
};

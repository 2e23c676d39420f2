import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { expect } from "storybook/test";
import { negativeNps, revenueWithTarget, sparseNps } from "../../stories/chart-results.js";
import { until, widget, widgetStories, type WidgetArgs } from "../../stories/widget-stories.js";

const stories = widgetStories("kpi-sparkline", {
  metric: "orders",
  args: { grain: "day" },
  value: (el) => until(() => el.shadowRoot!.querySelector('[role="img"]')!.getAttribute("aria-label")!),
});

const meta: Meta<WidgetArgs> = { ...stories.meta, title: "Widgets/kpi-sparkline" };
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

/** Today still running (its segment dashed), NPS from a few surveys (joined and marked), NPS below zero. */
export const Shapes: StoryObj<WidgetArgs> = {
  render: (args) => html`<p>
    ${widget("kpi-sparkline", args, revenueWithTarget)} ${widget("kpi-sparkline", args, sparseNps)}
    ${widget("kpi-sparkline", args, negativeNps)}
  </p>`,
  play: async ({ canvasElement }) => {
    const [running, sparse] = [...canvasElement.querySelectorAll("kpi-sparkline")];
    await until(() => expect(running!.shadowRoot?.querySelector("path.partial")).toBeTruthy());
    await until(() => expect(sparse!.shadowRoot?.querySelector("path.marks")).toBeTruthy());
  },
};

export const ShapesDark: StoryObj<WidgetArgs> = { ...Shapes, args: { theme: "dark" }, globals: { theme: "dark" } };

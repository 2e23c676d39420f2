import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { expect, userEvent } from "storybook/test";
import { partText, rendered, widgetStories, type WidgetArgs } from "../../stories/widget-stories.js";

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

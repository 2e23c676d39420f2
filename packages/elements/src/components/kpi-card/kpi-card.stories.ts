import type { Meta } from "@storybook/web-components-vite";
import { partText, widgetStories, type WidgetArgs } from "../../stories/widget-stories.js";

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

import type { Meta } from "@storybook/web-components-vite";
import { until, widgetStories, type WidgetArgs } from "../../stories/widget-stories.js";

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

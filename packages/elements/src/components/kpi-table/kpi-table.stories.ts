import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { expect, userEvent } from "storybook/test";
import { partText, rendered, until, widgetStories, type WidgetArgs } from "../../stories/widget-stories.js";

const stories = widgetStories("kpi-table", {
  metric: "revenue",
  args: { metrics: "revenue aov orders conversion_rate" },
  value: (el) => partText(el, "value"),
});

const meta: Meta<WidgetArgs> = { ...stories.meta, title: "Widgets/kpi-table" };
export default meta;

export const Default = stories.Default;
export const Loading = stories.Loading;
export const Empty = stories.Empty;
/** One KPI of the list does not exist: the table says it is not available, with no Retry. */
export const UnknownMetric: StoryObj<WidgetArgs> = {
  ...stories.UnknownMetric,
  args: { metrics: "revenue no_such_kpi" },
};
export const Offline = stories.Offline;
export const Stale = stories.Stale;
export const Statuses = stories.Statuses;
export const Dark = stories.Dark;
export const Locales = stories.Locales;

/** One KPI by a dimension: a row per traffic source, with its change; sortable by value. */
export const ByDimension: StoryObj<WidgetArgs> = {
  args: { metrics: "", by: "source" },
  play: Default.play,
};

/** Tab to the Change header and press Enter: the rows are sorted and the header says so. */
export const SortByKeyboard: StoryObj<WidgetArgs> = {
  play: async (context) => {
    await Default.play!(context);
    const el = rendered(context.canvasElement, "kpi-table");
    const buttons = await until(() => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="sort"]')]);
    buttons[1]!.focus();
    await userEvent.keyboard("{Enter}");
    await until(() => expect(buttons[1]!.closest("th")!.getAttribute("aria-sort")).toBe("ascending"));
  },
};

import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { expect, userEvent } from "storybook/test";
import { partText, rendered, until, widgetStories, type WidgetArgs } from "../../stories/widget-stories.js";

const stories = widgetStories("kpi-breakdown", {
  metric: "revenue",
  args: { by: "source", top: 3 },
  value: (el) => partText(el, "total"),
});

const meta: Meta<WidgetArgs> = { ...stories.meta, title: "Widgets/kpi-breakdown" };
export default meta;

export const Default = stories.Default;
export const Loading = stories.Loading;
export const Empty = stories.Empty;
export const UnknownMetric = stories.UnknownMetric;
export const Offline = stories.Offline;
export const Stale = stories.Stale;
export const Dark = stories.Dark;
export const Locales = stories.Locales;

/** Revenue adds up: the sources after the top two are summed into Other, each with its share. */
export const Other: StoryObj<WidgetArgs> = {
  args: { top: 2 },
  play: async (context) => {
    await Default.play!(context);
    const el = rendered(context.canvasElement, "kpi-breakdown");
    await expect(el.shadowRoot!.querySelector(".other")).toBeTruthy();
    await expect(await partText(el, "share")).toMatch(/%$/);
  },
};

/** A mean does not add up: the top values, and how many more, with no Other and no shares. */
export const Mean: StoryObj<WidgetArgs> = {
  args: { metric: "aov", top: 2 },
  play: async ({ canvasElement }) => {
    const el = rendered(canvasElement, "kpi-breakdown");
    await expect(await partText(el, "more")).toMatch(/^\d+ more$/);
    await expect(el.shadowRoot!.querySelector('[part~="share"]')).toBeNull();
  },
};

/** Tab to a channel and press Enter: it is chosen (kpi-select), and the other bars step back. */
export const Keyboard: StoryObj<WidgetArgs> = {
  play: async (context) => {
    await Default.play!(context);
    const el = rendered(context.canvasElement, "kpi-breakdown");
    const first = await until(() => el.shadowRoot!.querySelector<HTMLButtonElement>("button[part~=row]")!);
    first.focus();
    await userEvent.keyboard("{Enter}");
    await until(() => expect(first.getAttribute("aria-pressed")).toBe("true"));
    await expect(el.getAttribute("selected")).toBeTruthy();
  },
};

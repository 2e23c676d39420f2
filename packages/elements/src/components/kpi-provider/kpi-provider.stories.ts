import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html, nothing } from "lit";
import { expect } from "storybook/test";
import { allLoaded, partText } from "../../stories/widget-stories.js";

interface ProviderArgs {
  range: string;
  grain: string;
  compare: string;
  theme: string;
  locale: string;
}

/** One provider configures every widget inside it; their queries go out as one request. */
const meta: Meta<ProviderArgs> = {
  title: "Widgets/kpi-provider",
  component: "kpi-provider",
  args: { range: "last_90_days", grain: "week", compare: "previous_period", theme: "", locale: "" },
  argTypes: {
    range: { control: "select", options: ["last_7_days", "last_30_days", "last_90_days", "mtd", "qtd", "ytd"] },
    grain: { control: "select", options: ["day", "week", "month"] },
    compare: { control: "select", options: ["previous_period", "previous_year", "none"] },
    theme: { control: "select", options: ["", "light", "dark"] },
    locale: { control: "select", options: ["", "en", "ru", "ms", "zh-Hans", "zh-Hant"] },
  },
  render: ({ range, grain, compare, theme, locale }) => html`<kpi-provider
    range=${range}
    grain=${grain}
    compare=${compare}
    theme=${theme || nothing}
    locale=${locale || nothing}
  >
    <div class="story-grid">
      <kpi-card metric="revenue"></kpi-card>
      <kpi-card metric="aov"></kpi-card>
      <kpi-gauge metric="conversion_rate"></kpi-gauge>
      <kpi-card metric="csat"></kpi-card>
    </div>
    <kpi-trend metric="revenue"></kpi-trend>
  </kpi-provider>`,
};
export default meta;

export const Dashboard: StoryObj<ProviderArgs> = {
  play: async ({ canvasElement }) => {
    const cards = await allLoaded(canvasElement, "kpi-card");
    await allLoaded(canvasElement, "kpi-trend");
    await expect(await partText(cards[0]!, "label")).toBe("Total sales");
  },
};

import { LOCALES, RANGE_PRESETS } from "@kpikit/core";
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
  // grain, compare and theme have selects from their declared types (.storybook/arg-types.ts).
  argTypes: {
    range: { control: "select", options: RANGE_PRESETS },
    locale: { control: "select", options: ["", ...LOCALES] },
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

import type { StorybookConfig } from "@storybook/web-components-vite";

// The stories live beside the elements they show (kpi-card/kpi-card.stories.ts).
const config: StorybookConfig = {
  stories: ["../../../packages/elements/src/**/*.mdx", "../../../packages/elements/src/components/**/*.stories.ts"],
  addons: ["@storybook/addon-docs", "@storybook/addon-a11y", "@storybook/addon-vitest"],
  framework: { name: "@storybook/web-components-vite", options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};
export default config;

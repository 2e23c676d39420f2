import { LOCALES } from "@kpikit/core";
import { setCustomElementsManifest, type Preview } from "@storybook/web-components-vite";
import { argTypesOf, type Manifest } from "./arg-types.js";
import { html } from "lit";
import manifest from "@kpikit/elements/custom-elements.json" with { type: "json" };
// The elements from source, the same modules the stories and their in-page API use (one client per page).
import "../../../packages/elements/src/index.js";
import { STORY_ENDPOINT, STORY_NOW } from "../../../packages/elements/src/stories/endpoints.js";
import { storyToken } from "./story-api.js";
import "./preview.css";

// The docs pages' descriptions come from the manifest; their tables and controls from argTypesOf.
setCustomElementsManifest(manifest);

const preview: Preview = {
  // A docs page per element, from its manifest entry and its stories.
  tags: ["autodocs"],
  globalTypes: {
    theme: {
      description: "Colour theme of the widgets",
      toolbar: { title: "Theme", icon: "mirror", items: ["light", "dark"], dynamicTitle: true },
    },
    locale: {
      description: "Language of labels, numbers and dates",
      toolbar: { title: "Locale", icon: "globe", items: [...LOCALES], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: "light", locale: "en" },
  // Every story reads the real API running in the page (see story-api.ts) with an embed token.
  loaders: [async () => ({ token: await storyToken() })],
  decorators: [
    (story, { globals, loaded }) => {
      const theme = globals.theme === "dark" ? "dark" : "light";
      document.documentElement.dataset.theme = theme;
      return html`<kpi-provider
        endpoint=${STORY_ENDPOINT}
        token=${loaded.token as string}
        locale=${globals.locale ?? "en"}
        theme=${theme}
        tz="America/New_York"
        now=${STORY_NOW}
      >
        <div class="story">${story()}</div>
      </kpi-provider>`;
    },
  ],
  parameters: {
    docs: { extractArgTypes: (tag: string) => argTypesOf(manifest as Manifest, tag) },
    layout: "fullscreen",
    controls: { expanded: true },
    // Any axe violation fails the story's test.
    a11y: { test: "error" },
  },
};
export default preview;

// Compile-time checks (the build's tsc) that `import "@kpikit/elements"` types the elements where
// tsc does not see the Vue and Svelte demos' templates: what Vue's template checker reads from
// GlobalComponents and Svelte's from SvelteHTMLElements. main.tsx covers React's JSX.
import type { SvelteHTMLElements } from "svelte/elements";
import type { GlobalComponents } from "vue";
import "@kpikit/elements";

type VueProps<Tag extends keyof GlobalComponents> = GlobalComponents[Tag] extends new () => { $props: infer P }
  ? P
  : never;

export const vue: VueProps<"kpi-provider"> = { endpoint: "/", range: "last_30_days", tokenProvider: () => "", id: "p" };
export const vueCard: VueProps<"kpi-card"> = { metric: "aov", sparkline: false, class: ["card"] };
// @ts-expect-error a number attribute
export const vueGauge: VueProps<"kpi-gauge"> = { target: "0.9" };

export const svelte: SvelteHTMLElements["kpi-trend"] = {
  metric: "revenue",
  grain: "day",
  class: "trend",
  "onkpi-load": (event) => event.detail.result.value,
};
// @ts-expect-error not an attribute of <kpi-sparkline>
export const svelteSparkline: SvelteHTMLElements["kpi-sparkline"] = { sparkline: false };

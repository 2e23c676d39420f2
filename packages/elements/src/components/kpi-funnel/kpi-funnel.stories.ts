import { LOCALES } from "@kpikit/core";
import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html, type TemplateResult } from "lit";
import { expect } from "storybook/test";
import { OFFLINE_ENDPOINT, PENDING_ENDPOINT } from "../../stories/endpoints.js";
import { emptyResult } from "../../stories/results.js";
import { partText, until, type WidgetArgs } from "../../stories/widget-stories.js";
import type { KpiFunnel } from "./kpi-funnel.js";

type Story = StoryObj<WidgetArgs>;

/** The funnel with attributes from args, and an optional `.data`. */
function funnel(args: WidgetArgs, data?: KpiFunnel["data"]): TemplateResult {
  const el = document.createElement("kpi-funnel");
  for (const [name, value] of Object.entries(args))
    if (value !== undefined && value !== "") el.setAttribute(name, String(value));
  if (data) el.data = data;
  return html`${el}`;
}

function rendered(canvas: HTMLElement): KpiFunnel {
  const el = canvas.querySelector("kpi-funnel");
  if (!el) throw new Error("the story rendered no <kpi-funnel>");
  return el;
}

/** Waits until every funnel in the story shows its steps, and returns them. */
async function allLoaded(canvas: HTMLElement): Promise<KpiFunnel[]> {
  const funnels = [...canvas.querySelectorAll("kpi-funnel")];
  await until(() => {
    for (const el of funnels) if (!el.shadowRoot?.querySelector('[part~="step"]')) throw new Error("still loading");
  });
  return funnels;
}

const meta: Meta<WidgetArgs> = {
  title: "Widgets/kpi-funnel",
  component: "kpi-funnel",
  // The catalog counts sessions, orders and new customers; it has no count of sessions with an add-to-cart.
  args: { metrics: "sessions orders new_customers", range: "last_30_days" },
  render: (args) => funnel(args),
};
export default meta;

/** Sessions → orders → new customers from the demo shop, each with its conversions and the previous period. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const [el] = await allLoaded(canvasElement);
    const steps = el!.shadowRoot!.querySelectorAll('[part~="step"]');
    await expect(steps.length).toBe(3);
    await expect(await partText(el!, "conversion")).toMatch(/% of previous step/);
    await expect(await partText(el!, "previous")).toMatch(/^previous period \d/);
  },
};

export const Loading: Story = {
  args: { endpoint: PENDING_ENDPOINT },
  play: async ({ canvasElement }) => {
    const el = rendered(canvasElement);
    await until(() => expect(el.shadowRoot?.querySelector('[aria-busy="true"]')).toBeTruthy());
  },
};

export const Empty: Story = {
  render: (args) => funnel(args, [emptyResult, emptyResult]),
  play: async ({ canvasElement }) => {
    await expect(await partText(rendered(canvasElement), "empty")).toBe("No data for this period");
  },
};

/** A step naming no KPI: the funnel cannot be drawn without it, and asking again will not help. */
export const UnknownMetric: Story = {
  args: { metrics: "sessions no_such_kpi" },
  play: async ({ canvasElement }) => {
    const el = rendered(canvasElement);
    await expect(await partText(el, "error")).toBe("This figure isn't available here.");
    await expect(el.shadowRoot!.querySelector('[part~="retry"]')).toBeNull();
  },
};

export const Offline: Story = {
  args: { endpoint: OFFLINE_ENDPOINT },
  play: async ({ canvasElement }) => {
    const el = rendered(canvasElement);
    await expect(await partText(el, "error")).toBe("This figure can't be loaded right now.");
    await expect(el.shadowRoot!.querySelector('[part~="retry"]')).toBeTruthy();
  },
};

export const Dark: Story = {
  args: { theme: "dark" },
  globals: { theme: "dark" },
  play: Default.play,
};

export const Locales: Story = {
  render: (args) => html`<div class="story-row">${LOCALES.map((locale) => funnel({ ...args, locale }))}</div>`,
  play: async ({ canvasElement }) => {
    const funnels = await allLoaded(canvasElement);
    await expect(funnels.length).toBe(LOCALES.length);
  },
};

/** On a 390 px phone: labels and figures wrap, nothing scrolls sideways. */
export const Phone: Story = {
  render: (args) => html`<div style="inline-size: 358px">${funnel(args)}</div>`,
  play: async ({ canvasElement }) => {
    const [el] = await allLoaded(canvasElement);
    const base = el!.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
    await expect(base.scrollWidth).toBeLessThanOrEqual(base.clientWidth);
  },
};

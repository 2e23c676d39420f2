// The stories every widget has: its states (loading, empty, error, offline, stale), each status,
// the dark theme and the five locales. Each story's play function waits for the state it shows
// and checks it, so that the accessibility check after it sees the finished widget.
import { LOCALES, type Result } from "@kpikit/core";
import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html, type TemplateResult } from "lit";
import { expect, waitFor } from "storybook/test";
import { FLAKY_ENDPOINT, OFFLINE_ENDPOINT, PENDING_ENDPOINT } from "./endpoints.js";
import { emptyResult, statusResults } from "./results.js";

export type WidgetTag = "kpi-card" | "kpi-gauge" | "kpi-trend" | "kpi-sparkline" | "kpi-breakdown" | "kpi-table";
export type WidgetArgs = Record<string, string | number | boolean | undefined>;
type Story = StoryObj<WidgetArgs>;

/**
 * Waits for a condition the story's widget reaches. Patient, because a CI machine may run every
 * suite at once on two cores: a story fails when its state never comes, not when it comes late.
 */
export function until<T>(condition: () => T): Promise<T> {
  return waitFor(condition, { timeout: 30_000 });
}

/** The widget with attributes from args (booleans as properties, empty ones left out) and an optional `.data`. */
export function widget(tag: WidgetTag, args: WidgetArgs, data?: Result): TemplateResult {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(args)) {
    if (typeof value === "boolean") Reflect.set(el, name, value);
    else if (value !== undefined && value !== "") el.setAttribute(name, String(value));
  }
  if (data) el.data = data;
  return html`${el}`;
}

/** The element the story rendered (the first of its tag). */
export function rendered(canvas: HTMLElement, tag: WidgetTag): HTMLElement {
  const el = canvas.querySelector<HTMLElement>(tag);
  if (!el) throw new Error(`the story rendered no <${tag}>`);
  return el;
}

/** Waits for a shadow part of a widget and returns its text. */
export async function partText(el: Element, name: string): Promise<string> {
  return until(() => {
    const node = el.shadowRoot?.querySelector(`[part~="${name}"]`);
    if (!node) throw new Error(`no part ${name} in <${el.localName}> yet`);
    return (node.textContent ?? "").replace(/\s+/g, " ").trim();
  });
}

/** Waits until every widget in the story has a result on screen. */
export async function allLoaded(canvas: HTMLElement, tag: WidgetTag): Promise<HTMLElement[]> {
  const widgets = [...canvas.querySelectorAll<HTMLElement>(tag)];
  await until(() => {
    for (const el of widgets) {
      const base = el.shadowRoot?.querySelector('[part~="base"]');
      if (!base || base.classList.contains("loading")) throw new Error(`<${tag}> is still loading`);
      if (el.shadowRoot!.querySelector('[part~="error"]'))
        throw new Error(`<${tag}> failed: ${el.shadowRoot!.querySelector('[part~="error"]')!.textContent}`);
    }
  });
  return widgets;
}

/** Stories for one widget. `value` reads what the widget shows as its value, for the checks. */
export function widgetStories(
  tag: WidgetTag,
  options: { metric: string; args?: WidgetArgs; value(el: HTMLElement): Promise<string> },
) {
  const base = { metric: options.metric, ...options.args };
  const meta: Meta<WidgetArgs> = {
    component: tag,
    args: { ...base, range: "last_30_days" },
    render: (args) => widget(tag, args),
  };

  const Default: Story = {
    play: async ({ canvasElement }) => {
      const [el] = await allLoaded(canvasElement, tag);
      await expect(await options.value(el!)).toMatch(/\d/);
    },
  };

  const Loading: Story = {
    args: { endpoint: PENDING_ENDPOINT },
    play: async ({ canvasElement }) => {
      const el = rendered(canvasElement, tag);
      await until(() => expect(el.shadowRoot?.querySelector('[aria-busy="true"]')).toBeTruthy());
    },
  };

  const Empty: Story = {
    render: (args) => widget(tag, args, emptyResult),
    play: async ({ canvasElement }) => {
      await expect(await partText(rendered(canvasElement, tag), "empty")).toBe("No data for this period");
    },
  };

  const UnknownMetric: Story = {
    args: { metric: "no_such_kpi" },
    play: async ({ canvasElement }) => {
      const el = rendered(canvasElement, tag);
      await expect(await partText(el, "error")).toBe("This figure isn't available here.");
      // Asking again cannot make an unknown KPI exist.
      await expect(el.shadowRoot!.querySelector('[part~="retry"]')).toBeNull();
    },
  };

  const Offline: Story = {
    args: { endpoint: OFFLINE_ENDPOINT },
    play: async ({ canvasElement }) => {
      const el = rendered(canvasElement, tag);
      await expect(await partText(el, "error")).toBe("This figure can't be loaded right now.");
      await expect(el.shadowRoot!.querySelector('[part~="retry"]')).toBeTruthy();
    },
  };

  const Stale: Story = {
    args: { endpoint: FLAKY_ENDPOINT, refresh: 1 },
    play: async ({ canvasElement }) => {
      await expect(await partText(rendered(canvasElement, tag), "stale")).toBe("Data may be out of date");
    },
  };

  const Statuses: Story = {
    render: (args) => html`<div class="story-row">
      ${Object.values(statusResults).map((result) => widget(tag, { ...args, metric: "on_time_delivery" }, result))}
    </div>`,
    play: async ({ canvasElement }) => {
      await allLoaded(canvasElement, tag);
    },
  };

  const Dark: Story = {
    args: { theme: "dark" },
    globals: { theme: "dark" },
    play: Default.play,
  };

  const Locales: Story = {
    render: (args) => html`<div class="story-row">${LOCALES.map((locale) => widget(tag, { ...args, locale }))}</div>`,
    play: async ({ canvasElement }) => {
      const widgets = await allLoaded(canvasElement, tag);
      const values = await Promise.all(widgets.map((el) => options.value(el)));
      await expect(new Set(values).size).toBeGreaterThan(0);
    },
  };

  return { meta, Default, Loading, Empty, UnknownMetric, Offline, Stale, Statuses, Dark, Locales };
}

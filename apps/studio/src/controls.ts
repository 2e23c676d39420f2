// Small pieces the Studio's forms repeat: a select's options, and the value of the control an event came from.
import { html } from "lit";

export const optionsOf = (entries: readonly (readonly [string, string])[], selected: string) =>
  entries.map(([value, text]) => html`<option value=${value} ?selected=${value === selected}>${text}</option>`);

export const valueIn = (e: Event): string => (e.target as HTMLInputElement | HTMLSelectElement).value;

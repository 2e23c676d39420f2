// Small pieces the Studio's forms repeat: a select's options, a labelled select, and the value of
// the control an event came from.
import { html } from "lit";
import { type Locale, type MessageKey, t } from "./messages.js";

export const optionsOf = (entries: readonly (readonly [string, string])[], selected: string) =>
  entries.map(([value, text]) => html`<option value=${value} ?selected=${value === selected}>${text}</option>`);

export const valueIn = (e: Event): string => (e.target as HTMLInputElement | HTMLSelectElement).value;

/** Labelled selects in a locale: each calls `set` with the value chosen. */
export const selectsIn =
  (locale: Locale) =>
  (
    id: string,
    label: MessageKey,
    value: string,
    options: readonly (readonly [string, string])[],
    set: (v: string) => void,
  ) =>
    html`<label for=${id}>${t(locale, label)}</label>
      <select id=${id} @change=${(e: Event) => set(valueIn(e))}>${optionsOf(options, value)}</select>`;

// The docs tables and controls from custom-elements.json. Storybook's own extractor keys every row
// by its bare name, so a part named like an attribute (`label`, `sparkline`) replaces it; here
// parts and events get their own keys, and only attributes get controls.
import { COMPARES, GRAINS } from "@kpikit/core";
import type { ArgTypes } from "@storybook/web-components-vite";

interface Item {
  name: string;
  description?: string;
  type?: { text?: string };
  default?: string;
}
interface Declaration {
  tagName?: string;
  attributes?: Item[];
  events?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
  slots?: Item[];
}
export interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

type Control = { type: "boolean" | "number" | "text" } | { type: "select"; options: string[] };

/** The values of the attribute types that core declares as lists. */
const LISTED: Record<string, readonly string[]> = { Grain: GRAINS, Compare: COMPARES };

/** A control for an attribute's declared type: a select for a union of string literals or a listed type. */
function controlOf(type: string): Control {
  if (/\bboolean\b/.test(type)) return { type: "boolean" };
  if (/\bnumber\b/.test(type)) return { type: "number" };
  const members = type
    .split("|")
    .map((t) => t.trim())
    .filter((t) => t && t !== "undefined");
  const options = members.flatMap((t) => LISTED[t] ?? (/^"[^"]*"$/.test(t) ? [t.slice(1, -1)] : []));
  const listed = members.every((t) => t in LISTED || /^"[^"]*"$/.test(t));
  return members.length && listed ? { type: "select", options } : { type: "text" };
}

export function argTypesOf(manifest: Manifest, tag: string): ArgTypes {
  const declaration = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
  if (!declaration) return {};
  const rows: ArgTypes = {};
  const documented = (item: Item, category: string, key = item.name) =>
    (rows[key] = {
      name: key,
      description: item.description ?? "",
      control: false,
      table: {
        category,
        ...(item.type?.text ? { type: { summary: item.type.text } } : {}),
        ...(item.default ? { defaultValue: { summary: item.default } } : {}),
      },
    });
  for (const a of declaration.attributes ?? []) {
    const control = controlOf(a.type?.text ?? "");
    const name = control.type === "text" || control.type === "select" ? "string" : control.type;
    rows[a.name] = { ...documented(a, "attributes"), control, type: { name, required: false } };
  }
  for (const e of declaration.events ?? []) documented(e, "events");
  for (const s of declaration.slots ?? []) documented(s, "slots", s.name || "(default)");
  for (const p of declaration.cssParts ?? []) documented(p, "css shadow parts", `::part(${p.name})`);
  for (const p of declaration.cssProperties ?? []) documented(p, "css custom properties");
  return rows;
}

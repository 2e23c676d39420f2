// The docs tables and controls from custom-elements.json. Storybook's own extractor keys every row
// by its bare name, so a part named like an attribute (`label`, `sparkline`) replaces it; here
// parts and events get their own keys, and only attributes get controls.
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

function controlOf(type: string): "boolean" | "number" | "text" {
  if (/\bboolean\b/.test(type)) return "boolean";
  if (/\bnumber\b/.test(type)) return "number";
  return "text";
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
    rows[a.name] = {
      ...documented(a, "attributes"),
      control: { type: control },
      type: { name: control === "text" ? "string" : control, required: false },
    };
  }
  for (const e of declaration.events ?? []) documented(e, "events");
  for (const s of declaration.slots ?? []) documented(s, "slots", s.name || "(default)");
  for (const p of declaration.cssParts ?? []) documented(p, "css shadow parts", `::part(${p.name})`);
  for (const p of declaration.cssProperties ?? []) documented(p, "css custom properties");
  return rows;
}

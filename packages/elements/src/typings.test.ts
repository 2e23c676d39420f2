// The built framework typings and custom-elements.json against the elements themselves: what they
// list for each tag is exactly its element's public reactive properties (Lit's, not internal
// state), so that the manifest the typings come from cannot miss or invent one.
import { expect } from "@open-wc/testing";
import type { LitElement } from "lit";
import * as kit from "./index.js";

interface Declaration {
  tagName?: string;
  name: string;
  attributes?: { name: string; fieldName?: string }[];
}

const typings: Record<string, string> = await (await fetch("/__kpikit/typings")).json();
const manifest: { modules: { declarations?: Declaration[] }[] } = await (await fetch("/custom-elements.json")).json();
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

/** The element's reactive properties that are not internal state, and the attribute each has. */
function reactive(tag: string): Map<string, string | false> {
  const element = customElements.get(tag) as unknown as typeof LitElement;
  const properties = new Map<string, string | false>();
  for (const [name, options] of element.elementProperties) {
    if (options.state || typeof name !== "string") continue;
    const attribute = options.attribute ?? true;
    properties.set(name, attribute === true ? name.toLowerCase() : attribute);
  }
  return properties;
}

/** The names in a generated `type <Class>Properties = "a" | "b" | <Base>Properties;`, bases' included. */
function listed(text: string, className: string): string[] {
  const union = new RegExp(`type ${className}Properties =([^;]*);`).exec(text)?.[1] ?? "";
  const bases = [...union.matchAll(/\b(\w+)Properties\b/g)].map((m) => m[1]!);
  return [...[...union.matchAll(/"([^"]+)"/g)].map((m) => m[1]!), ...bases.flatMap((b) => listed(text, b))];
}

describe("the elements' manifest and typings", () => {
  it("describe every element the kit defines", () => {
    const defined = Object.values(kit).flatMap((value) => {
      const tag = typeof value === "function" ? customElements.getName(value as CustomElementConstructor) : null;
      return tag ? [tag] : [];
    });
    expect(elements.map((d) => d.tagName).sort()).to.deep.equal(defined.sort());
  });

  for (const { tagName, name, attributes } of elements) {
    const tag = tagName!;
    it(`list <${tag}>'s attributes as its element declares them`, () => {
      const expected = [...reactive(tag)].filter(([, a]) => a !== false).map(([p, a]) => `${a} → ${p}`);
      const actual = (attributes ?? []).map((a) => `${a.name} → ${a.fieldName ?? a.name}`);
      expect(actual.sort()).to.deep.equal(expected.sort());
    });

    for (const [framework, text] of Object.entries(typings)) {
      it(`give <${tag}> in ${framework} exactly its element's reactive properties`, () => {
        expect(text).to.contain(`"${tag}": `);
        expect(listed(text, name).sort()).to.deep.equal([...reactive(tag).keys()].sort());
      });
    }
  }
});

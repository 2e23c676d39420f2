import { describe, expect, it } from "vitest";
import { LOCALES, MESSAGES, type MessageKey, t } from "../src/messages.js";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const KEYS = Object.keys(MESSAGES.en) as MessageKey[];

describe("the Studio's words", () => {
  it("are in every locale, each with English's placeholders", () => {
    for (const locale of LOCALES) {
      for (const key of KEYS) {
        const text = MESSAGES[locale][key];
        expect([locale, key, text.trim().length > 0]).toEqual([locale, key, true]);
        expect([locale, key, placeholders(text)]).toEqual([locale, key, placeholders(MESSAGES.en[key])]);
      }
    }
  });

  it("are translated, not English left in place (names, codes and Malay's loanwords aside)", () => {
    const names = ["appName", "id", "sqlTitle", "snip_html", "snip_react", "snip_vue", "snip_svelte"];
    const loanwords: Partial<Record<string, string[]>> = {
      ms: ["unit", "el_trend", "status", "navData", "dataTitle", "importFile"],
    };
    for (const locale of LOCALES.filter((l) => l !== "en"))
      for (const key of KEYS.filter((k) => !names.includes(k) && !loanwords[locale]?.includes(k)))
        expect([locale, key, MESSAGES[locale][key] === MESSAGES.en[key]]).toEqual([locale, key, false]);
  });

  it("fill their placeholders, and leave a missing one visible", () => {
    expect(t("en", "matches", { n: 3 })).toBe("3 KPIs");
    expect(t("ru", "shop", { name: "Лавка" })).toBe("Магазин: Лавка");
    expect(t("en", "shop")).toBe("Shop: {name}");
  });
});

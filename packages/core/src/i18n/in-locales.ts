// The five locales' words side by side, { key: { en, ru, ms, … } }, as the server and tests read them.
import type { LocaleTexts } from "../definitions/units.js";
import type { Words } from "./locales/en.js";
import { words as ms } from "./locales/ms.js";
import { words as ru } from "./locales/ru.js";
import { words as hans } from "./locales/zh-Hans.js";
import { words as hant } from "./locales/zh-Hant.js";

/** A set of English words with each other locale's words for the same keys. */
export function inLocales<K extends keyof Words>(english: Record<K, string>): Record<K, LocaleTexts> {
  const texts = {} as Record<K, LocaleTexts>;
  for (const key of Object.keys(english) as K[])
    texts[key] = { en: english[key], ru: ru[key], ms: ms[key], "zh-Hans": hans[key], "zh-Hant": hant[key] };
  return texts;
}

// The widgets' own words in the closest of the five catalog locales. English comes with the
// elements' modules: each element adds its own set as it loads (addTexts), so that a page with only
// cards downloads none of the range picker's words. Each other locale's words are a module that
// loads when a widget first speaks it, so that a page in one language downloads no other's; until
// they arrive the widget shows its loading state, never English in a Russian page.
import type { Locale } from "@kpikit/core";
import { catalogLocale } from "@kpikit/core/format/locale";
import { uiWords, type Words } from "@kpikit/core/locales/en";
import type { ReactiveController, ReactiveControllerHost } from "lit";

export type TextKey = keyof Words & string;

const english: Partial<Words> = { ...uiWords };

/** Makes an element's own English words known (its module calls this once, as it loads). */
export function addTexts(words: Partial<Words>): void {
  Object.assign(english, words);
}

// Written out, one import per locale, so that bundlers make each a chunk of its own.
const loaders: Record<Exclude<Locale, "en">, () => Promise<{ words: Words }>> = {
  ru: () => import("@kpikit/core/locales/ru"),
  ms: () => import("@kpikit/core/locales/ms"),
  "zh-Hans": () => import("@kpikit/core/locales/zh-Hans"),
  "zh-Hant": () => import("@kpikit/core/locales/zh-Hant"),
};
const loaded = new Map<Locale, Partial<Words>>([["en", english]]);
const loading = new Map<Locale, Promise<void>>();

/**
 * Undefined when a locale's words can be shown now; else the promise of their arrival, which starts
 * them loading. A module that cannot load (the network failed) leaves the widget in English rather
 * than loading for ever.
 */
export function textsPending(locale: string | undefined): Promise<void> | undefined {
  const closest = catalogLocale(locale);
  if (loaded.has(closest)) return undefined;
  let pending = loading.get(closest);
  if (!pending) {
    pending = loaders[closest as Exclude<Locale, "en">]()
      .then(({ words }) => words)
      .catch(() => english)
      .then((words) => {
        loaded.set(closest, words);
        loading.delete(closest);
      });
    loading.set(closest, pending);
  }
  return pending;
}

/**
 * Keeps an element on its loading state while the words of its locale are on their way, and
 * updates it when they arrive. Its `updateComplete` waits for them (see `complete`), as it would
 * for any other update.
 */
export class TextsController implements ReactiveController {
  /** The words' arrival, while they are on their way. */
  pending: Promise<void> | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #locale: () => string;

  constructor(host: ReactiveControllerHost, locale: () => string) {
    this.#host = host;
    this.#locale = locale;
    host.addController(this);
  }

  hostUpdate(): void {
    const pending = textsPending(this.#locale());
    if (pending && pending !== this.pending) void pending.then(() => this.#host.requestUpdate());
    this.pending = pending;
  }

  /** The host's update completed, and the update the words' arrival asks for too. */
  async complete(updated: () => Promise<boolean>): Promise<boolean> {
    let done = await updated();
    while (this.pending) {
      await this.pending;
      done = await updated();
    }
    return done;
  }
}

/** A UI text in the closest of the five locales to a BCP 47 locale (English until its words arrive). */
export function text(key: TextKey, locale: string | undefined): string {
  return loaded.get(catalogLocale(locale))?.[key] ?? english[key] ?? key;
}

/** A dimension's name (`channel` → "Channel") in the closest locale, or its id when the catalog has none. */
export function dimensionName(dimension: string, locale: string | undefined): string {
  const key = `dimension_${dimension}`;
  return key in english ? text(key as TextKey, locale) : dimension;
}

// A UI text with values in it, for the widgets that word their numbers so ("{metric} by {dimension}").
import { fill } from "./fill.js";
import { type TextKey, text } from "./texts.js";

/** A UI text with its `{name}` placeholders filled in (word order differs between the locales). */
export function textWith(key: TextKey, locale: string | undefined, values: Record<string, string>): string {
  return fill(text(key, locale), values);
}

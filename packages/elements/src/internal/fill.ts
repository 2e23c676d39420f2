// A text's placeholders filled in, apart from the words (texts.ts): a card's goals, which load later,
// bring it along, and no page of cards loads it at once.

/** `text` with its `{name}` placeholders filled in (word order differs between the locales). */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

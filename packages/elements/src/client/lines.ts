// The reader of a batch's answers streamed one JSON line each (NDJSON), which the data client
// imports with the first such answer. The client lends it its error class rather than this module
// importing it: a bundler would move what both import into a chunk every page loads at once.
import type { KpiRequestError } from "./errors.js";

/** Reads `{index, result}` and `{index, error}` lines as they arrive. */
export async function readLines(
  body: NonNullable<Response["body"]>,
  answer: (index: number, item: unknown) => void,
  RequestError: typeof KpiRequestError,
): Promise<void> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    buffer += chunk.value;
    let end: number;
    while ((end = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, end).trim();
      buffer = buffer.slice(end + 1);
      if (!line) continue;
      let entry: { index?: unknown; result?: unknown; error?: unknown };
      try {
        entry = JSON.parse(line);
      } catch {
        throw new RequestError("The KPI service sent a line that is not valid JSON", 200);
      }
      if (typeof entry?.index === "number")
        answer(entry.index, "error" in entry ? { error: entry.error } : entry.result);
    }
  }
}

// Server-sent events read from a fetch body. EventSource cannot send an Authorization header, and
// credentials must not travel in URLs, so the stream is read by hand.

export interface ServerEvent {
  event: string;
  data: string;
  id?: string;
}

/** Splits a text stream into events as they complete; comments (heartbeats) are dropped. */
export class SseParser {
  #buffer = "";

  push(chunk: string): ServerEvent[] {
    this.#buffer += chunk;
    const events: ServerEvent[] = [];
    let end: RegExpExecArray | null;
    const boundary = /\r?\n\r?\n/g;
    let consumed = 0;
    while ((end = boundary.exec(this.#buffer))) {
      const block = this.#buffer.slice(consumed, end.index);
      consumed = end.index + end[0].length;
      const event = parseBlock(block);
      if (event) events.push(event);
    }
    this.#buffer = this.#buffer.slice(consumed);
    return events;
  }
}

function parseBlock(block: string): ServerEvent | undefined {
  let event = "message";
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (!line || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
    else if (field === "id") id = value;
  }
  if (data.length === 0) return undefined;
  return { event, data: data.join("\n"), ...(id !== undefined ? { id } : {}) };
}

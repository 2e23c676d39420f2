// Bodies are JSON, at most 1 MB: anything else is refused before it is read in full.
import type { Context } from "hono";
import { HttpProblem } from "../problem.js";

export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_RECORDS = 500;

/** Reads the raw body, refusing it (413) as soon as it passes the limit. */
export async function readBody(c: Context, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(c.req.header("content-length"));
  if (declared > maxBytes)
    throw new HttpProblem(413, `the body is ${declared} bytes; at most ${maxBytes} are accepted`);
  if (declared >= 0 && c.req.header("content-length") !== undefined) {
    // A declared length within the limit: one native read (HTTP stops the body at that length).
    return decode(new Uint8Array(await c.req.arrayBuffer()));
  }
  // A chunked body: count as it arrives, and stop reading as soon as it passes the limit.
  const reader = c.req.raw.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new HttpProblem(413, `the body is over ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return decode(bytes);
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new HttpProblem(400, "the body is not valid UTF-8");
  }
}

export function isJson(c: Context): boolean {
  const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
  return type === "application/json" || (type?.startsWith("application/") === true && type.endsWith("+json"));
}

/** The parsed JSON body: 415 without a JSON content type, 413 over the limit, 400 if malformed. */
export async function jsonBody(c: Context): Promise<unknown> {
  if (!isJson(c)) throw new HttpProblem(415, "send the body as JSON, with Content-Type: application/json");
  const text = await readBody(c);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpProblem(400, `the body is not valid JSON: ${(e as Error).message}`);
  }
}

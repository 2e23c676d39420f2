// Live updates: a `result` event when the stream opens, and a new one after each data change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, type Harness, harness, STORES } from "./support/harness.js";

/** Reads server-sent events from a response body. */
function events(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return {
    async next(timeoutMs = 5000): Promise<{ event?: string; data?: string; comment?: string }> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields: Record<string, string> = {};
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) fields.comment = line.slice(1).trim();
            else {
              const i = line.indexOf(":");
              fields[line.slice(0, i)] =
                (fields[line.slice(0, i)] ? `${fields[line.slice(0, i)]}\n` : "") + line.slice(i + 1).trimStart();
            }
          }
          return fields;
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error("no event in time");
        const chunk = await Promise.race([
          reader.read(),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no event in time")), left)),
        ]);
        if (chunk.done) throw new Error("the stream ended");
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    close: () => reader.cancel(),
  };
}

for (const kind of STORES) {
  describe(`live stream on ${kind}`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await harness(kind, { stream: { pollMs: 60_000, heartbeatMs: 200 } });
    });
    afterAll(() => h.close());

    it("sends the result, then a new one as soon as data arrives", async () => {
      const res = await h.app.request("/v1/metrics/orders/stream?range=2026-03-01..2026-03-08", {
        headers: { Authorization: `Bearer ${h.a.secret}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
      const stream = events(res.body!);
      const first = await stream.next();
      expect(first.event).toBe("result");
      expect(JSON.parse(first.data!).value).toBe(0);
      const posted = await client(h.app, h.a.secret).post("/v1/events/orders", {
        records: [
          { id: "live-1", placedAt: "2026-03-02T10:00:00Z", customerId: "c", total: 9, items: 1, status: "placed" },
        ],
      });
      expect(posted.status).toBe(200);
      let next = await stream.next(); // woken by the change, well before the 60 s poll
      while (next.comment === "ping") next = await stream.next();
      expect(next.event).toBe("result");
      expect(JSON.parse(next.data!).value).toBe(1);
      const quiet = await stream.next();
      expect(quiet.comment).toBe("ping"); // no change, no new result: a heartbeat keeps it open
      await stream.close();
    });

    it("counts a fact placed seconds before now: a range ending now holds the current minute", async () => {
      const live = await harness(kind, {
        stream: { pollMs: 60_000, heartbeatMs: 60_000 },
        now: () => Date.parse("2026-03-10T12:00:30Z"),
      });
      try {
        const res = await live.app.request("/v1/metrics/orders/stream?range=today&tz=UTC", {
          headers: { Authorization: `Bearer ${live.a.secret}` },
        });
        const stream = events(res.body!);
        expect(JSON.parse((await stream.next()).data!).value).toBe(0);
        const order = {
          id: "just-now",
          placedAt: "2026-03-10T12:00:20Z",
          customerId: "c",
          total: 9,
          items: 1,
          status: "placed",
        };
        expect((await client(live.app, live.a.secret).post("/v1/events/orders", { records: [order] })).status).toBe(
          200,
        );
        expect(JSON.parse((await stream.next()).data!).value).toBe(1);
        await stream.close();
      } finally {
        await live.close();
      }
    });

    it("refuses a bad query before opening the stream", async () => {
      const r = await client(h.app, h.a.secret).get("/v1/metrics/orders/stream?range=someday");
      expect([r.status, r.headers.get("content-type")]).toEqual([400, "application/problem+json"]);
      const token = (await client(h.app, h.a.secret).post("/v1/tokens", { metrics: ["aov"] })).body.token;
      expect((await client(h.app, token).get("/v1/metrics/orders/stream")).status).toBe(403);
    });
  });
}

import type { Result } from "@kpikit/core";
import { expect } from "@open-wc/testing";
import { result, testApi, uniqueNow, WEEK } from "../../test/support.js";
import { Credentials } from "./credentials.js";
import { expiresWithin } from "./renewal.js";
import { KpiClient } from "./data-client.js";
import type { KpiRequestError } from "./errors.js";
import { SseParser } from "./sse.js";

/** A fetch that answers each stream request with the next of `bodies` (SSE text, or a status). */
function streams(...bodies: (string | number)[]) {
  const calls: { url: string; signal: AbortSignal }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), signal: init!.signal! });
    const body = bodies.shift() ?? "";
    if (typeof body === "number")
      return Response.json({ title: "Refused", detail: `refused with ${body}` }, { status: body });
    // Left open, as a live stream is, until the client aborts it.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(body));
        init!.signal!.addEventListener("abort", () => controller.error(init!.signal!.reason));
      },
    });
    return new Response(stream, { headers: { "Content-Type": "text/event-stream" } });
  };
  return { fetch, calls };
}

const event = (r: Result) => `event: result\ndata: ${JSON.stringify(r)}\n\n`;
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe("data client", () => {
  it("batches a tick's queries into one POST and sends identical ones once", async () => {
    const api = await testApi();
    const bodies: unknown[] = [];
    const client = new KpiClient(api.endpoint, {
      fetch: (input, init) => {
        bodies.push(JSON.parse(String(init?.body)));
        return fetch(input, init);
      },
    });
    const creds = new Credentials(api.token);
    const now = uniqueNow();
    const q = (metric: string) => ({ metric, ...WEEK, now });
    const results = await Promise.all([
      client.query(q("aov"), creds),
      client.query(q("revenue"), creds),
      client.query(q("aov"), creds),
    ]);
    expect(bodies).to.deep.equal([{ queries: [q("aov"), q("revenue")] }]);
    expect(results.map((r) => r.value)).to.deep.equal([60, 120, 60]);
    await client.query(q("aov"), creds);
    expect(bodies).to.have.length(1); // answered from the cache
    await client.query(q("aov"), creds, { force: true });
    expect(bodies).to.have.length(2);
  });

  it("refuses and does not cache a result that is not its query's: another KPI's, or a non-numeric value", async () => {
    const answers: unknown[][] = [
      [result({ metric: { id: "revenue" } }), result({ metric: { id: "aov" } })],
      [result({ value: "60" as never })],
      [result({ series: [{ start: "2026-03-01T00:00:00+00:00", value: "NaN", previous: null }] as never })],
    ];
    const client = new KpiClient("http://kpi.test", { fetch: async () => Response.json({ results: answers.shift() }) });
    const creds = new Credentials("kpi_pk_test");
    const failure = (p: Promise<Result>) =>
      p.then(
        () => expect.fail("expected a refusal"),
        (e: KpiRequestError) => `${e.status} ${e.retryable} ${e.message}`,
      );
    const [aov, revenue] = await Promise.all([
      failure(client.query({ metric: "aov" }, creds)),
      failure(client.query({ metric: "revenue" }, creds)),
    ]);
    expect(aov).to.equal(
      "200 true The KPI service sent a result for aov that this widget cannot use: it is the result of revenue",
    );
    expect(revenue).to.equal(
      "200 true The KPI service sent a result for revenue that this widget cannot use: it is the result of aov",
    );
    expect(client.cached({ metric: "aov" }, creds)).to.be.undefined;
    expect(await failure(client.query({ metric: "aov" }, creds))).to.contain('value is "60", not a number or null');
    expect(await failure(client.query({ metric: "aov" }, creds))).to.contain(
      "series[0] needs a start and a number (or null) as value",
    );
    expect(client.cached({ metric: "aov" }, creds)).to.be.undefined;
  });

  it("shows each KPI of a batch as soon as its line arrives, and fails those a cut answer never gave", async () => {
    let push!: (line: string) => void;
    let end!: () => void;
    const accepts: string[] = [];
    const client = new KpiClient("http://kpi.test", {
      fetch: async (_input, init) => {
        accepts.push(new Headers(init?.headers).get("accept") ?? "");
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            push = (line) => controller.enqueue(new TextEncoder().encode(line));
            end = () => controller.close();
          },
        });
        return new Response(body, { headers: { "Content-Type": "application/x-ndjson" } });
      },
    });
    const creds = new Credentials("kpi_pk_test");
    const settled: string[] = [];
    const track = (name: string, p: Promise<Result>) =>
      p.then(
        (r) => settled.push(`${name} ${r.value}`),
        (e: KpiRequestError) => settled.push(`${name} ${e.status} ${e.message}`),
      );
    const [aov, revenue, orders, nope] = [
      track("aov", client.query({ metric: "aov" }, creds)),
      track("revenue", client.query({ metric: "revenue" }, creds)),
      track("orders", client.query({ metric: "orders" }, creds)),
      track("nope", client.query({ metric: "nope" }, creds)),
    ];
    while (!push) await tick();
    expect(accepts).to.deep.equal(["application/x-ndjson, application/json"]);
    // revenue is ready first; its line arrives in two pieces.
    const revenueLine = JSON.stringify(result({ metric: { id: "revenue" }, value: 120 }));
    push(`{"index":1,"result":${revenueLine.slice(0, 40)}`);
    push(`${revenueLine.slice(40)}}\n{"index":3,"error":{"status":404,"detail":"there is no KPI \\"nope\\""}}\n`);
    await revenue;
    await nope;
    expect(settled).to.deep.equal(["revenue 120", 'nope 404 there is no KPI "nope"']);
    push(`{"index":0,"result":${JSON.stringify(result({ value: 61 }))}}\n`);
    await aov;
    end(); // orders never came
    await orders;
    expect(settled.slice(2)).to.deep.equal([
      "aov 61",
      "orders 200 The KPI service's answer ended before this KPI's result",
    ]);
    expect(client.cached({ metric: "revenue" }, creds)?.result.value).to.equal(120);
    expect(client.cached({ metric: "orders" }, creds)).to.be.undefined;
  });

  it("asks again, after a moment, for a batch's queries the API was too busy for, then reports a 503", async () => {
    const busy = (index: number) =>
      `{"index":${index},"error":{"status":503,"detail":"no turn to compute within 20000 ms"}}\n`;
    const answers = [
      `${busy(0)}{"index":1,"result":${JSON.stringify(result({ metric: { id: "revenue" }, value: 120 }))}}\n${busy(2)}`,
      `{"index":0,"result":${JSON.stringify(result({ value: 61 }))}}\n${busy(1)}`,
    ];
    const asked: string[][] = [];
    const client = new KpiClient("http://kpi.test", {
      retries: 1,
      fetch: async (_input, init) => {
        asked.push(JSON.parse(String(init?.body)).queries.map((q: { metric: string }) => q.metric));
        return new Response(answers.shift(), { headers: { "Content-Type": "application/x-ndjson" } });
      },
    });
    const creds = new Credentials("kpi_pk_test");
    const settled = await Promise.all(
      ["aov", "revenue", "orders"].map((metric) =>
        client.query({ metric }, creds).then(
          (r) => `${metric} ${r.value}`,
          (e: KpiRequestError) => `${metric} ${e.status} ${e.retryable} ${e.message}`,
        ),
      ),
    );
    expect(asked).to.deep.equal([
      ["aov", "revenue", "orders"],
      ["aov", "orders"],
    ]);
    expect(settled).to.deep.equal(["aov 61", "revenue 120", "orders 503 true no turn to compute within 20000 ms"]);
  });

  it("parses server-sent events split across chunks, ignoring heartbeats", () => {
    const p = new SseParser();
    expect(p.push(": ping\n\nevent: result\nid: 1\nda")).to.deep.equal([]);
    expect(p.push('ta: {"a":1}\ndata: {"b":2}\n\nevent: res')).to.deep.equal([
      { event: "result", id: "1", data: '{"a":1}\n{"b":2}' },
    ]);
    expect(p.push("ult\r\ndata: x\r\n\r\n")).to.deep.equal([{ event: "result", data: "x" }]);
  });

  it("knows when a JWT is about to expire", () => {
    const jwt = (exp: number) => `h.${btoa(JSON.stringify({ exp })).replace(/=+$/, "")}.s`;
    const now = Math.floor(Date.now() / 1000);
    expect(expiresWithin(jwt(now + 10), 30_000)).to.be.true;
    expect(expiresWithin(jwt(now + 600), 30_000)).to.be.false;
    expect(expiresWithin("kpi_pk_live_abc", 30_000)).to.be.false;
  });

  it("follows a query live over one stream for all its listeners, and closes it with the last", async () => {
    const { fetch, calls } = streams(event(result({ value: 61 })));
    const client = new KpiClient("http://kpi.test", { fetch });
    const creds = new Credentials("kpi_pk_test");
    const query = { metric: "aov", range: "today", tz: "UTC" };
    const seen: number[] = [];
    const listener = () => ({
      result: (r: Result) => seen.push(r.value!),
      error: (e: Error) => expect.fail(e.message),
    });
    const stopA = client.live(query, creds, listener());
    const stopB = client.live(query, creds, listener());
    while (seen.length < 2) await tick(10);
    expect(seen).to.deep.equal([61, 61]);
    expect(calls).to.have.length(1);
    expect(calls[0]!.url).to.equal("http://kpi.test/v1/metrics/aov/stream?range=today&tz=UTC");
    expect(client.cached(query, creds)?.result.value).to.equal(61);
    stopA();
    expect(calls[0]!.signal.aborted).to.be.false;
    stopB();
    expect(calls[0]!.signal.aborted).to.be.true;
  });

  /** Follows aov live until its first value, then stops: the errors said before it, and the values. */
  async function firstLiveValue(fetch: typeof globalThis.fetch) {
    const client = new KpiClient("http://kpi.test", { fetch });
    const errors: string[] = [];
    const values: number[] = [];
    const stop = client.live({ metric: "aov" }, new Credentials("kpi_pk_test"), {
      result: (r) => values.push(r.value!),
      error: (e) => errors.push(`${e.status} ${e.message}`),
    });
    while (values.length === 0) await tick(50);
    stop();
    return { errors, values };
  }

  it("drops a live update that is not its query's, saying why, and reconnects", async () => {
    const { fetch, calls } = streams(event(result({ metric: { id: "revenue" } })), event(result({ value: 63 })));
    const { errors, values } = await firstLiveValue(fetch);
    expect(errors).to.deep.equal([
      "200 The KPI service sent a live update for aov that this widget cannot use: it is the result of revenue",
    ]);
    expect(values).to.deep.equal([63]);
    expect(calls).to.have.length(2);
  });

  it("loads the stream reader only when asked: a subscription dropped at once opens no stream", async () => {
    const { fetch, calls } = streams(event(result()));
    const client = new KpiClient("http://kpi.test", { fetch });
    client.live({ metric: "aov" }, new Credentials("kpi_pk_test"), {
      result: () => expect.fail("no result expected"),
      error: () => expect.fail("no error expected"),
    })();
    await tick(100);
    expect(calls).to.have.length(0);
  });

  it("reports a refused stream with the API's message, then reconnects", async () => {
    const { fetch, calls } = streams(503, event(result({ value: 62 })));
    const { errors, values } = await firstLiveValue(fetch);
    expect(errors).to.deep.equal(["503 refused with 503"]);
    expect(values).to.deep.equal([62]);
    expect(calls).to.have.length(2);
  });
});

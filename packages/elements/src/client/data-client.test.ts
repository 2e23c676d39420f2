import { expect } from "@open-wc/testing";
import { KpiClient } from "./data-client.js";
import { Credentials, expiresWithin } from "./credentials.js";
import { SseParser } from "./sse.js";
import { testApi, uniqueNow, WEEK } from "../../test/support.js";

describe("data client", () => {
  it("batches a tick's queries into one POST and sends identical ones once", async () => {
    const api = await testApi();
    const bodies: unknown[] = [];
    const client = new KpiClient(api.endpoint, {
      fetch: (input, init) => (bodies.push(JSON.parse(String(init?.body))), fetch(input, init)),
    });
    const creds = new Credentials(api.token);
    const now = uniqueNow();
    const q = (metric: string) => ({ metric, ...WEEK, now });
    const results = await Promise.all([client.query(q("aov"), creds), client.query(q("revenue"), creds), client.query(q("aov"), creds)]);
    expect(bodies).to.deep.equal([{ queries: [q("aov"), q("revenue")] }]);
    expect(results.map((r) => r.value)).to.deep.equal([60, 120, 60]);
    await client.query(q("aov"), creds);
    expect(bodies).to.have.length(1); // answered from the cache
    await client.query(q("aov"), creds, { force: true });
    expect(bodies).to.have.length(2);
  });

  it("parses server-sent events split across chunks, ignoring heartbeats", () => {
    const p = new SseParser();
    expect(p.push(": ping\n\nevent: result\nid: 1\nda")).to.deep.equal([]);
    expect(p.push('ta: {"a":1}\ndata: {"b":2}\n\nevent: res')).to.deep.equal([{ event: "result", id: "1", data: '{"a":1}\n{"b":2}' }]);
    expect(p.push("ult\r\ndata: x\r\n\r\n")).to.deep.equal([{ event: "result", data: "x" }]);
  });

  it("knows when a JWT is about to expire", () => {
    const jwt = (exp: number) => `h.${btoa(JSON.stringify({ exp })).replace(/=+$/, "")}.s`;
    const now = Math.floor(Date.now() / 1000);
    expect(expiresWithin(jwt(now + 10), 30_000)).to.be.true;
    expect(expiresWithin(jwt(now + 600), 30_000)).to.be.false;
    expect(expiresWithin("kpi_pk_live_abc", 30_000)).to.be.false;
  });
});

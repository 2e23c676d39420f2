// A CSV import checked without writing (POST /v1/import/preview), as a console checks a file before
// it sends it: the same answers as the import, its first records as facts, and each bad record's
// line in the file. Surveys from a small hand-made export, on an empty tenant.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, type Harness, harness } from "./support/harness.js";

const mapping = {
  fact: "surveys",
  timeZone: "America/Sao_Paulo",
  fields: {
    id: "review_id",
    submittedAt: "created",
    score: "review_score",
    orderId: "order_id",
    kind: { value: "csat" },
  },
};
const HEADER = "review_id,order_id,review_score,created\n";
/** r1 twice (one record, as an order's lines are), a comment with a line break inside its quotes. */
const GOOD =
  HEADER +
  "r1,o1,5,2018-03-01 10:00:00\n" +
  'r2,o2,1,"2018-03-02 11:00:00"\n' +
  "r1,o1,5,2018-03-01 10:00:00\n" +
  "r3,o3,4,2018-03-03 12:00:00\n";

describe("CSV import preview", () => {
  let h: Harness;
  let sk: ReturnType<typeof client>;
  const surveys = async () =>
    (await sk.get("/v1/facts")).body.facts.find((f: { fact: string }) => f.fact === "surveys");
  beforeAll(async () => {
    h = await harness("sqlite");
    sk = client(h.app, h.b.secret);
  });
  afterAll(() => h.close());

  it("answers with the rows, the records and the first records as stored, and writes nothing", async () => {
    const r = await sk.post("/v1/import/preview", { csv: GOOD, mapping });
    expect([r.status, r.body]).toEqual([
      200,
      {
        fact: "surveys",
        rows: 4,
        received: 3,
        records: [
          // 10:00 in São Paulo (UTC−3) is 13:00 UTC.
          { id: "r1", submittedAt: "2018-03-01T13:00:00.000Z", score: 5, orderId: "o1", kind: "csat" },
          { id: "r2", submittedAt: "2018-03-02T14:00:00.000Z", score: 1, orderId: "o2", kind: "csat" },
          { id: "r3", submittedAt: "2018-03-03T15:00:00.000Z", score: 4, orderId: "o3", kind: "csat" },
        ],
      },
    ]);
    expect((await surveys()).records).toBe(0);
    // The import itself then stores what the preview showed.
    const imported = await sk.post("/v1/import", { csv: GOOD, mapping });
    expect(imported.body).toEqual({ fact: "surveys", received: 3, inserted: 3, duplicates: 0, rows: 4 });
    expect((await surveys()).records).toBe(3);
  });

  it("shows at most five records, and takes text/csv with the mapping as a parameter", async () => {
    const rows = Array.from({ length: 7 }, (_, i) => `p${i},o${i},3,2018-04-0${i + 1} 09:00:00`).join("\n");
    const r = await sk.post(
      `/v1/import/preview?mapping=${encodeURIComponent(JSON.stringify(mapping))}`,
      HEADER + rows,
      {
        "Content-Type": "text/csv",
      },
    );
    expect([r.status, r.body.rows, r.body.received, r.body.records.map((x: { id: string }) => x.id)]).toEqual([
      200,
      7,
      7,
      ["p0", "p1", "p2", "p3", "p4"],
    ]);
  });

  it("refuses a bad record as the import does, naming its line in the file, and neither writes", async () => {
    // Line 5 is r9's first row: the repeated r1 on line 4 is part of line 2's record, so r9 is record 2;
    // r8's date cannot be read, and it is not also "required".
    const bad = `${GOOD.slice(0, GOOD.lastIndexOf("r3"))}r9,o9,7,2018-03-04 10:00:00\nr8,o8,2,soon\n`;
    const preview = await sk.post("/v1/import/preview", { csv: bad, mapping });
    const imported = await sk.post("/v1/import", { csv: bad, mapping });
    expect(preview.status).toBe(422);
    expect(preview.headers.get("content-type")).toBe("application/problem+json");
    // Every bad row at once, by line: a score off its scale, and a value that is not a date and time.
    expect([preview.body.detail, preview.body.errors]).toEqual([
      "2 of 4 records are invalid; nothing was written",
      [
        { index: 2, line: 5, id: "r9", field: "score", reason: "a csat score must be between 1 and 5" },
        { index: 6, line: 6, id: "r8", field: "submittedAt", reason: expect.stringMatching(/"soon" is not a date/) },
      ],
    ]);
    expect([imported.status, imported.body.errors]).toEqual([422, preview.body.errors]);

    const outOfScale = `${GOOD.slice(0, GOOD.lastIndexOf("r3"))}r9,o9,7,2018-03-04 10:00:00\n`;
    const p2 = await sk.post("/v1/import/preview", { csv: outOfScale, mapping });
    expect([p2.status, p2.body.detail, p2.body.errors]).toEqual([
      422,
      "1 of 3 records is invalid; nothing was written",
      [{ index: 2, line: 5, id: "r9", field: "score", reason: "a csat score must be between 1 and 5" }],
    ]);
    const i2 = await sk.post("/v1/import", { csv: outOfScale, mapping });
    expect([i2.status, i2.body.errors]).toEqual([422, p2.body.errors]);
    expect((await surveys()).records).toBe(3);
  });

  it("refuses a file over the batch limit with 413, as the import does: a console sends it in parts", async () => {
    const rows = Array.from({ length: 501 }, (_, i) => `big${i},o,3,2018-05-01 09:00:00`).join("\n");
    for (const path of ["/v1/import/preview", "/v1/import"]) {
      const r = await sk.post(path, { csv: HEADER + rows, mapping });
      expect([path, r.status, r.body.detail]).toEqual([path, 413, expect.stringMatching(/at most 500 records/)]);
    }
  });

  it("refuses a mapping that does not fit the file, and a publishable key", async () => {
    const r = await sk.post("/v1/import/preview", { csv: "a,b\n1,2\n", mapping });
    expect([r.status, r.body.detail]).toEqual([400, expect.stringMatching(/the CSV has no column "review_id"/)]);
    const pk = await client(h.app, h.b.publishable).post("/v1/import/preview", { csv: GOOD, mapping });
    expect(pk.status).toBe(403);
  });
});

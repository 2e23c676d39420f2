import { describe, expect, it } from "vitest";
import { csvFields, csvParts, csvRows } from "../src/csv.js";

describe("a CSV cut into parts", () => {
  it("keeps a quoted field's line breaks and commas in its row, and reads its fields", () => {
    const text = '\uFEFFid,text\r\n1,"two\nlines, and ""quotes"""\r\n2,plain\n\n';
    expect(csvRows(text)).toEqual(["id,text", '1,"two\nlines, and ""quotes"""', "2,plain"]);
    expect(csvFields('1,"two\nlines, and ""quotes"""')).toEqual(["1", 'two\nlines, and "quotes"']);
    expect(csvFields("a,,c")).toEqual(["a", "", "c"]);
  });

  it("gives each part the header, at most maxRows rows, and its first row's line in the file", () => {
    const text = `h\n${Array.from({ length: 7 }, (_, i) => `r${i}`).join("\n")}`;
    expect(csvParts(text, { maxRows: 3, maxBytes: 1e6 })).toEqual([
      { csv: "h\nr0\nr1\nr2", firstLine: 2, rows: 3 },
      { csv: "h\nr3\nr4\nr5", firstLine: 5, rows: 3 },
      { csv: "h\nr6", firstLine: 8, rows: 1 },
    ]);
  });

  it("cuts by bytes too (UTF-8), and never between rows of one record", () => {
    const text = "id,x\na,é\nb,1\nb,2\nb,3\nc,4";
    const parts = (keyColumn?: string) =>
      csvParts(text, { maxRows: 2, maxBytes: 1e6, ...(keyColumn ? { keyColumn } : {}) }).map((p) => p.csv);
    expect(parts()).toEqual(["id,x\na,é\nb,1", "id,x\nb,2\nb,3", "id,x\nc,4"]);
    expect(parts("id")).toEqual(["id,x\na,é\nb,1\nb,2\nb,3", "id,x\nc,4"]);
    // The header and its line end are 5 bytes, "a,é" and its 5, every other row 4.
    expect(csvParts(text, { maxRows: 100, maxBytes: 16 }).map((p) => p.rows)).toEqual([2, 2, 1]);
  });
});

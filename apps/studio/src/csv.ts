// A CSV file cut into parts the API takes (at most 500 records and 1 MB a request), each with the
// file's header, without cutting a quoted field with a line break in it, nor the rows of one record
// (an order's lines share its id). The API reads the parts; this only finds where rows end.

/** The file's rows as they are written (a quoted field may span lines), without the line ends. */
export function csvRows(text: string): string[] {
  const rows: string[] = [];
  let start = 0;
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) {
      rows.push(body.slice(start, i));
      if (c === "\r" && body[i + 1] === "\n") i++;
      start = i + 1;
    }
  }
  if (start < body.length) rows.push(body.slice(start));
  return rows.filter((row, i) => i === 0 || row !== "");
}

/** The fields of one row. */
export function csvFields(row: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (quoted) {
      if (c === '"' && row[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else field += c;
  }
  fields.push(field);
  return fields;
}

export interface CsvPart {
  /** The header and this part's rows. */
  csv: string;
  /** The file line (header = 1) of the part's first row: the API's `line` 2 in the part is this line. */
  firstLine: number;
  rows: number;
}

export interface PartLimits {
  maxRows: number;
  maxBytes: number;
  /** Rows with the same value here stay in one part: they are one record. */
  keyColumn?: string;
}

export function csvParts(text: string, limits: PartLimits): CsvPart[] {
  const [header = "", ...rows] = csvRows(text);
  const key = limits.keyColumn === undefined ? -1 : csvFields(header).indexOf(limits.keyColumn);
  const keyOf = (row: string) => (key < 0 ? undefined : csvFields(row)[key]?.trim() || undefined);
  const bytes = (s: string) => new TextEncoder().encode(s).length + 1;
  const parts: CsvPart[] = [];
  let part: string[] = [];
  let size = bytes(header);
  let firstLine = 2;
  const close = () => {
    if (!part.length) return;
    parts.push({ csv: [header, ...part].join("\n"), firstLine, rows: part.length });
    firstLine += part.length;
    part = [];
    size = bytes(header);
  };
  rows.forEach((row, i) => {
    const sameRecord = i > 0 && keyOf(row) !== undefined && keyOf(row) === keyOf(rows[i - 1]!);
    if (!sameRecord && (part.length >= limits.maxRows || size + bytes(row) > limits.maxBytes)) close();
    part.push(row);
    size += bytes(row);
  });
  close();
  return parts;
}

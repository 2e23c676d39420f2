// One small expression language for everything a definition computes:
//   row values      `firstResponseAt - createdAt`, `idealCycleSeconds * totalCount`
//   row conditions  `status != 'cancelled' and deliveredAt <= promisedAt`
//   KPI formulas    `100 * (promoters - detractors) / responses`, `(revenue - prev(revenue)) / prev(revenue)`
// It has arithmetic, comparisons, three-valued `and`/`or`/`not`, `is [not] null`,
// `[not] in (…)`, literals and named references; nothing else, so it compiles safely to SQL.
import { KpiError } from "../errors.js";

export type BinaryOp = "+" | "-" | "*" | "/" | "=" | "!=" | "<" | "<=" | ">" | ">=" | "and" | "or";
export type Literal = number | string | boolean | null;

export type Expr =
  | { type: "literal"; value: Literal }
  | { type: "ref"; name: string }
  | { type: "call"; fn: string; args: Expr[] }
  | { type: "neg"; arg: Expr }
  | { type: "not"; arg: Expr }
  | { type: "binary"; op: BinaryOp; left: Expr; right: Expr }
  | { type: "isNull"; arg: Expr; negated: boolean }
  | { type: "in"; arg: Expr; values: Literal[]; negated: boolean };

type Token =
  | { kind: "num"; value: number; at: number }
  | { kind: "str"; value: string; at: number }
  | { kind: "word"; value: string; at: number }
  | { kind: "op"; value: string; at: number };

const KEYWORDS = new Set(["and", "or", "not", "is", "null", "in", "true", "false"]);

function tokenize(source: string, path: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (message: string): never => {
    throw new KpiError("invalid_definition", `${path}: ${message} at position ${i + 1} of "${source}"`, [
      { path, message, position: i + 1 },
    ]);
  };
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (/[0-9.]/.test(c)) {
      const m = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(source.slice(i));
      if (!m) fail("malformed number");
      tokens.push({ kind: "num", value: Number(m![0]), at: i });
      i += m![0].length;
    } else if (c === "'") {
      let j = i + 1;
      let value = "";
      for (;;) {
        if (j >= source.length) fail("unterminated string");
        if (source[j] === "'") {
          if (source[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += source[j++];
      }
      tokens.push({ kind: "str", value, at: i });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))!;
      tokens.push({ kind: "word", value: m[0], at: i });
      i += m[0].length;
    } else {
      const two = source.slice(i, i + 2);
      if (["<=", ">=", "!=", "<>"].includes(two)) {
        tokens.push({ kind: "op", value: two === "<>" ? "!=" : two, at: i });
        i += 2;
      } else if ("+-*/()=<>,".includes(c)) {
        tokens.push({ kind: "op", value: c, at: i });
        i++;
      } else {
        fail(`unexpected "${c}"`);
      }
    }
  }
  return tokens;
}

/** Parses an expression; `path` names where it came from in error messages (`measures.late.where`). */
export function parseExpr(source: string, path = "expression"): Expr {
  if (typeof source !== "string" || source.length > 2000) {
    throw new KpiError("invalid_definition", `${path}: an expression must be a string of at most 2000 characters`, [
      { path, message: "too long" },
    ]);
  }
  const tokens = tokenize(source, path);
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (message: string): never => {
    const at = peek()?.at ?? source.length;
    throw new KpiError("invalid_definition", `${path}: ${message} at position ${at + 1} of "${source}"`, [
      { path, message, position: at + 1 },
    ]);
  };
  const wordAt = (i: number) => {
    const t = tokens[i];
    return t?.kind === "word" ? t.value.toLowerCase() : undefined;
  };
  const isWord = (w: string) => wordAt(pos) === w;
  const isOp = (o: string) => peek()?.kind === "op" && peek()!.value === o;
  const expectOp = (o: string) => {
    if (!isOp(o)) fail(`expected "${o}"`);
    pos++;
  };

  const literal = (): Literal => {
    const t = peek();
    if (!t) return fail("expected a value");
    if (isOp("-") && tokens[pos + 1]?.kind === "num") {
      pos += 2;
      return -(tokens[pos - 1] as { value: number }).value;
    }
    pos++;
    if (t.kind === "num" || t.kind === "str") return t.value;
    if (t.kind === "word") {
      const w = t.value.toLowerCase();
      if (w === "true") return true;
      if (w === "false") return false;
      if (w === "null") return null;
    }
    pos--;
    return fail("expected a literal");
  };

  const primary = (): Expr => {
    const t = peek();
    if (!t) return fail("unexpected end");
    if (isOp("(")) {
      pos++;
      const e = or();
      expectOp(")");
      return e;
    }
    if (t.kind === "num" || t.kind === "str") {
      pos++;
      return { type: "literal", value: t.value };
    }
    if (t.kind === "word") {
      const w = t.value.toLowerCase();
      if (w === "true" || w === "false" || w === "null") {
        pos++;
        return { type: "literal", value: w === "null" ? null : w === "true" };
      }
      if (KEYWORDS.has(w)) return fail(`unexpected "${t.value}"`);
      pos++;
      if (isOp("(")) {
        pos++;
        const args: Expr[] = [];
        if (!isOp(")")) {
          do args.push(or());
          while (isOp(",") && ++pos);
        }
        expectOp(")");
        return { type: "call", fn: t.value, args };
      }
      return { type: "ref", name: t.value };
    }
    return fail(`unexpected "${String(t.value)}"`);
  };

  const unary = (): Expr => {
    if (isOp("-")) {
      pos++;
      return { type: "neg", arg: unary() };
    }
    return primary();
  };

  const binaryLevel = (next: () => Expr, ops: string[]) => (): Expr => {
    let left = next();
    while (peek()?.kind === "op" && ops.includes(peek()!.value as string)) {
      const op = tokens[pos++]!.value as BinaryOp;
      left = { type: "binary", op, left, right: next() };
    }
    return left;
  };
  const mul = binaryLevel(unary, ["*", "/"]);
  const add = binaryLevel(mul, ["+", "-"]);

  const comparison = (): Expr => {
    const left = add();
    const t = peek();
    if (t?.kind === "op" && ["=", "!=", "<", "<=", ">", ">="].includes(t.value)) {
      pos++;
      return { type: "binary", op: t.value as BinaryOp, left, right: add() };
    }
    if (isWord("is")) {
      pos++;
      const negated = isWord("not");
      if (negated) pos++;
      if (!isWord("null")) fail('expected "null" after "is"');
      pos++;
      return { type: "isNull", arg: left, negated };
    }
    const negatedIn = isWord("not") && wordAt(pos + 1) === "in";
    if (negatedIn || isWord("in")) {
      pos += negatedIn ? 2 : 1;
      expectOp("(");
      const values: Literal[] = [literal()];
      while (isOp(",")) {
        pos++;
        values.push(literal());
      }
      expectOp(")");
      return { type: "in", arg: left, values, negated: negatedIn };
    }
    return left;
  };

  const not = (): Expr => {
    if (isWord("not")) {
      pos++;
      return { type: "not", arg: not() };
    }
    return comparison();
  };
  const and = (): Expr => {
    let left = not();
    while (isWord("and")) {
      pos++;
      left = { type: "binary", op: "and", left, right: not() };
    }
    return left;
  };
  const or = (): Expr => {
    let left = and();
    while (isWord("or")) {
      pos++;
      left = { type: "binary", op: "or", left, right: and() };
    }
    return left;
  };

  if (tokens.length === 0) fail("empty expression");
  const expr = or();
  if (pos < tokens.length) fail(`unexpected "${String(peek()!.value)}"`);
  return expr;
}

/** Every name an expression refers to (inside calls too). */
export function refsOf(expr: Expr, out = new Set<string>()): Set<string> {
  switch (expr.type) {
    case "ref":
      out.add(expr.name);
      break;
    case "call":
      for (const a of expr.args) refsOf(a, out);
      break;
    case "neg":
    case "not":
    case "isNull":
    case "in":
      refsOf(expr.arg, out);
      break;
    case "binary":
      refsOf(expr.left, out);
      refsOf(expr.right, out);
      break;
    case "literal":
      break;
  }
  return out;
}

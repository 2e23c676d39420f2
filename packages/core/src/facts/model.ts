// What the engines need to know about each fact, read off the zod schemas so that nothing is
// written twice: each field's kind and column, the timestamp that places a fact in a period, and
// the dimensions a fact can be filtered and split by.
import type { z } from "zod";
import { type FactName, factSchemas, orderLineSchema } from "./schemas.js";

/** The facts a measure can aggregate: the stored ones, and each order's lines (`orders.lines`). */
export type QueryFact = Exclude<FactName, "targets"> | "orderLines";
export const queryFacts: readonly QueryFact[] = [
  "orders",
  "orderLines",
  "sessions",
  "adSpend",
  "tickets",
  "surveys",
  "refunds",
  "partRequests",
  "inventory",
  "productionRuns",
  "incidents",
];

/** The fact whose ingest writes a query fact's rows: an order's lines come with the order. */
export const storedFact = (fact: QueryFact): Exclude<FactName, "targets"> => (fact === "orderLines" ? "orders" : fact);

export type FieldKind = "string" | "number" | "boolean" | "timestamp" | "date";

export interface FieldInfo {
  name: string;
  kind: FieldKind;
  /**
   * Column in the SQL table: snake_case, timestamps as epoch ms (`placed_at_ms`), dates as epoch
   * days (`start_day`).
   */
  column: string;
  nullable: boolean;
  /** Allowed values of an enum field. */
  values?: readonly string[];
  /** For order lines: the field lives on the parent order. */
  onParent?: boolean;
}

export interface FactModel {
  name: QueryFact;
  table: string;
  /** The timestamp (or date) that places a fact in a period unless a measure says otherwise. */
  time: string;
  fields: Readonly<Record<string, FieldInfo>>;
}

export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

interface ZodDefLike {
  type: string;
  innerType?: z.ZodType;
  format?: string;
  entries?: Record<string, string>;
}

function defOf(schema: z.ZodType): ZodDefLike {
  return (schema as unknown as { _zod: { def: ZodDefLike } })._zod.def;
}

function fieldInfo(name: string, schema: z.ZodType): FieldInfo | undefined {
  let def = defOf(schema);
  let nullable = false;
  while (def.innerType) {
    if (def.type === "optional" || def.type === "nullable") nullable = true;
    def = defOf(def.innerType);
  }
  const column = snakeCase(name);
  switch (def.type) {
    case "number":
      return { name, kind: "number", column, nullable };
    case "boolean":
      return { name, kind: "boolean", column, nullable };
    case "enum":
      return { name, kind: "string", column, nullable, values: Object.values(def.entries ?? {}) };
    case "string":
      if (def.format === "datetime") return { name, kind: "timestamp", column: `${column}_ms`, nullable };
      if (def.format === "date") return { name, kind: "date", column: `${column}_day`, nullable };
      return { name, kind: "string", column, nullable };
    default:
      return undefined; // arrays (order lines) are a fact of their own
  }
}

function fieldsOf(schema: z.ZodObject): Record<string, FieldInfo> {
  const out: Record<string, FieldInfo> = {};
  for (const [name, field] of Object.entries(schema.shape)) {
    const info = fieldInfo(name, field as z.ZodType);
    if (info) out[name] = info;
  }
  return out;
}

const TIME: Record<FactName, string> = {
  orders: "placedAt",
  sessions: "startedAt",
  adSpend: "date",
  tickets: "createdAt",
  surveys: "submittedAt",
  refunds: "requestedAt",
  partRequests: "requestedAt",
  inventory: "at",
  productionRuns: "endedAt",
  incidents: "occurredAt",
  targets: "start",
};

function stored(name: FactName): FactModel {
  return {
    name: name as QueryFact,
    table: snakeCase(name),
    time: TIME[name],
    fields: fieldsOf(factSchemas[name] as unknown as z.ZodObject),
  };
}

const orders = stored("orders");
const orderLines: FactModel = {
  name: "orderLines",
  table: "order_lines",
  time: "placedAt",
  fields: {
    ...Object.fromEntries(Object.entries(orders.fields).map(([k, f]) => [k, { ...f, onParent: true }])),
    ...fieldsOf(orderLineSchema),
    orderId: { name: "orderId", kind: "string", column: "order_id", nullable: false },
  },
};

export const factModels: Readonly<Record<QueryFact | "targets", FactModel>> = {
  orders,
  orderLines,
  sessions: stored("sessions"),
  adSpend: stored("adSpend"),
  tickets: stored("tickets"),
  surveys: stored("surveys"),
  refunds: stored("refunds"),
  partRequests: stored("partRequests"),
  inventory: stored("inventory"),
  productionRuns: stored("productionRuns"),
  incidents: stored("incidents"),
  targets: { ...stored("targets"), name: "targets" as QueryFact },
};

/**
 * How a dimension reads off a fact: a field, or a boolean field named by its two values
 * (a session's `visitor` is `new` or `returning`).
 */
export type DimensionBinding = { field: string; whenTrue?: string; whenFalse?: string };

/**
 * The dimensions KPIs can be filtered and split by, and where each fact keeps them. A filter or a
 * split applies to each measure whose fact has the dimension; a measure of another fact keeps
 * its total (refund_rate by reason divides each reason's refunds by all orders).
 */
export const dimensions: Readonly<Record<string, Partial<Record<QueryFact, DimensionBinding>>>> = {
  channel: {
    orders: { field: "channel" },
    orderLines: { field: "channel" },
    adSpend: { field: "channel" },
    tickets: { field: "channel" },
  },
  source: { orders: { field: "source" }, orderLines: { field: "source" }, sessions: { field: "source" } },
  region: { orders: { field: "region" }, orderLines: { field: "region" } },
  campaign: { orders: { field: "campaignId" }, orderLines: { field: "campaignId" }, adSpend: { field: "campaignId" } },
  agent: {
    orders: { field: "agentId" },
    orderLines: { field: "agentId" },
    tickets: { field: "agentId" },
    surveys: { field: "agentId" },
  },
  product: { orderLines: { field: "productId" }, tickets: { field: "productId" } },
  category: { tickets: { field: "category" } },
  kind: { surveys: { field: "kind" }, incidents: { field: "kind" } },
  reason: { refunds: { field: "reason" } },
  sku: { inventory: { field: "sku" } },
  line: { productionRuns: { field: "line" } },
  visitor: { sessions: { field: "newVisitor", whenTrue: "new", whenFalse: "returning" } },
};

export function isDimension(name: string): boolean {
  return Object.hasOwn(dimensions, name);
}

/** The dimensions a fact carries. */
export function dimensionsOf(fact: QueryFact): string[] {
  return Object.keys(dimensions).filter((d) => dimensions[d]![fact]);
}

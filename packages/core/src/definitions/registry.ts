// The KPIs a query can name: the built-in catalog, with a tenant's own definitions layered on
// top (a tenant may also redefine a built-in id, e.g. clv with its own customer lifetime).
import { KpiError } from "../errors.js";
import { type CompiledMetric, compileDefinition } from "./compile-definition.js";

export class MetricRegistry {
  private readonly compiled = new Map<string, CompiledMetric>();
  private readonly compiling: string[] = [];

  private constructor(private readonly sources: ReadonlyMap<string, unknown>) {}

  /** A registry of these definitions (raw input: each is validated when first used). */
  static of(definitions: readonly unknown[]): MetricRegistry {
    const sources = new Map<string, unknown>();
    for (const d of definitions) sources.set(idOf(d), d);
    return new MetricRegistry(sources);
  }

  /** A new registry where these definitions replace or add to this one's. */
  with(definitions: readonly unknown[]): MetricRegistry {
    const sources = new Map(this.sources);
    for (const d of definitions) sources.set(idOf(d), d);
    return new MetricRegistry(sources);
  }

  has(id: string): boolean {
    return this.sources.has(id);
  }

  ids(): string[] {
    return [...this.sources.keys()];
  }

  get(id: string): CompiledMetric | undefined {
    const done = this.compiled.get(id);
    if (done) return done;
    if (!this.sources.has(id)) return undefined;
    if (this.compiling.includes(id)) {
      const cycle = [...this.compiling.slice(this.compiling.indexOf(id)), id].join(" → ");
      throw new KpiError("invalid_definition", `KPIs refer to each other in a cycle: ${cycle}`, [
        { path: `${id}.expr`, message: "cycle" },
      ]);
    }
    this.compiling.push(id);
    try {
      const metric = compileDefinition(this.sources.get(id), (ref) => this.get(ref));
      this.compiled.set(id, metric);
      return metric;
    } finally {
      this.compiling.pop();
    }
  }

  require(id: string): CompiledMetric {
    const metric = this.get(id);
    if (!metric)
      throw new KpiError("unknown_metric", `there is no KPI "${id}"`, [{ path: "metric", message: "unknown metric" }]);
    return metric;
  }

  /** Compiles every definition: throws the first problem (a broken reference after a change, say). */
  all(): CompiledMetric[] {
    return this.ids().map((id) => this.require(id));
  }
}

function idOf(definition: unknown): string {
  const id = (definition as { id?: unknown } | null)?.id;
  if (typeof id !== "string")
    throw new KpiError("invalid_definition", "a definition needs an id", [{ path: "id", message: "missing id" }]);
  return id;
}

// What the Studio reads from the API (the shapes of GET /v1/catalog, /v1/settings and /v1/keys).
export interface CatalogMetric {
  id: string;
  label: string;
  description: string | null;
  domain: string;
  unit: "currency" | "percent" | "count" | "duration" | "score" | "ratio";
  currency?: string;
  better: "up" | "down" | "none";
  dimensions: string[];
  thresholds: Thresholds | null;
  builtIn: boolean;
  public: boolean;
}

export interface ThresholdPair {
  warning?: number;
  critical?: number;
}

export interface Thresholds extends ThresholdPair {
  by?: Record<string, Record<string, ThresholdPair>>;
}

export interface Catalog {
  locale: string;
  metrics: CatalogMetric[];
  dimensions: { id: string; label: string }[];
  domains: { id: string; label: string }[];
}

export interface Settings {
  id: string;
  name: string;
  timeZone: string;
  currency: string;
  publicMetrics: string[];
  allowedOrigins: string[];
}

export interface ApiKey {
  id: string;
  kind: "secret" | "publishable";
  prefix: string;
  last4: string;
  createdAt: string;
  expiresAt: string | null;
}

// Settings from the environment, checked at start so a typo stops the server with a clear message.
import { resolve } from "node:path";

export interface Config {
  port: number;
  host: string;
  /** The SQLite file. */
  db: string;
  /** The default tenant's secret key; generated and printed once when absent. */
  secretKey: string | undefined;
  /** Load a year of demo data into an empty database. */
  demo: boolean;
  /** Orders of demo data to generate. */
  demoOrders: number;
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, not "${env.PORT}"`);
  const secretKey = env.KPIKIT_SECRET_KEY?.trim() || undefined;
  if (secretKey !== undefined && !/^kpi_sk_[A-Za-z0-9_]{4,200}$/.test(secretKey)) {
    throw new ConfigError("KPIKIT_SECRET_KEY must start with kpi_sk_ and hold only letters, digits and _ (e.g. kpi_sk_live_…)");
  }
  const demoSetting = (env.KPIKIT_DEMO ?? "on").trim().toLowerCase();
  if (!["on", "off", "true", "false", "1", "0", "yes", "no"].includes(demoSetting)) throw new ConfigError(`KPIKIT_DEMO must be on or off, not "${env.KPIKIT_DEMO}"`);
  const demoOrders = Number(env.KPIKIT_DEMO_ORDERS ?? 20_000);
  if (!Number.isInteger(demoOrders) || demoOrders < 100 || demoOrders > 10_000_000) throw new ConfigError("KPIKIT_DEMO_ORDERS must be a whole number from 100 to 10000000");
  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    db: resolve(env.KPIKIT_DB ?? "data/kpikit.db"),
    secretKey,
    demo: ["on", "true", "1", "yes"].includes(demoSetting),
    demoOrders,
  };
}

// @kpikit/server, for embedding the Node server in tests and tools.
export { createServer, type ServerOptions } from "./server.js";
export { DEMO_METRICS } from "./demo-routes.js";
export { banner, type BannerFacts } from "./banner.js";
export { bootstrap, DEFAULT_TENANT, demoOrigins, PUBLIC_METRICS, type Bootstrapped } from "./bootstrap.js";
export { readConfig, ConfigError, type Config } from "./config.js";
export { loadDemoData } from "./demo-data.js";

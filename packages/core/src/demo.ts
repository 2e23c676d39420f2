// @kpikit/core/demo: a seeded shop's facts (orders, sessions, tickets, stock, …) for demos,
// stories, benchmarks and tests.
export { type DemoBatch, type DemoOptions, demoFacts, generateDemo } from "./demo/generate.js";
export { Random } from "./demo/random.js";

export { KpiClient, type ClientOptions, type CachedResult, type LiveListener } from "./data-client.js";
export { Credentials, type TokenProvider } from "./credentials.js";
export { expiresWithin } from "./renewal.js";
export { KpiRequestError } from "./errors.js";
export { SseParser, type ServerEvent } from "./sse.js";

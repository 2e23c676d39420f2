// The endpoints the stories name. Storybook's preview answers them with the real API running in
// the page (apps/storybook/.storybook/story-api.ts), which the elements package does not carry.

/** The demo data's clock: stories look the same whenever they are opened. */
export const STORY_NOW = "2026-11-01T12:00:00Z";
export const STORY_ENDPOINT = "https://demo.kpikit.invalid";
/** Answers that never come: the loading skeleton stays. */
export const PENDING_ENDPOINT = "https://pending.kpikit.invalid";
/** No answer at all, as when the network is down. */
export const OFFLINE_ENDPOINT = "https://offline.kpikit.invalid";
/** The first answer, then failures: what a widget shows when a refresh fails. */
export const FLAKY_ENDPOINT = "https://flaky.kpikit.invalid";

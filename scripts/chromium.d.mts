/** The Chromium executable that browser tests and benchmarks launch. */
export const CHROMIUM: string;
/** The flags they launch it with. */
export const CHROMIUM_ARGS: string[];

// The developer's side of a widget's error: what it carries to the `kpi-error` event and the console
// (console.ts). The page shows a short message only.

/** A widget that is not set up to ask anything yet (no metric, endpoint or credential, bad `.data`). */
export class SetupError extends Error {
  override readonly name = "SetupError";
  /** Nothing changes until the page does. */
  readonly retryable = false;

  constructor(
    message: string,
    /**
     * The developer's fuller words, from setup.ts, which the widget loads with the first error that
     * has them and tells them then; the message stays where setup.ts cannot load.
     */
    readonly words?: (setup: typeof import("./setup.js")) => string | Promise<string>,
  ) {
    super(message);
  }
}

/** The `kpi-error` event's detail. */
export interface KpiErrorDetail {
  /** What went wrong, for developers: the API's own words, or what the widget lacks. */
  message: string;
  /** The HTTP status, 0 when no response came or none was asked for. */
  status: number;
  /** Whether asking again can help (the widget offers Retry only then). */
  retryable: boolean;
  metric: string | undefined;
}

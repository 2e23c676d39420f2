// What a widget without an endpoint or a credential tells the developer, which it loads when it
// first lacks one: a page that sets both never needs it. It borrows SetupError from the widget
// rather than importing it: a bundler would move what both import into a chunk every page loads at
// once.
import type { SetupError } from "./report.js";

/** What a widget may lack before it can ask anything. */
export type Unset = "endpoint" | "credential";

/** The page's `load` event, and a task after it (a page's own scripts that set credentials run by then). */
const pageLoaded = async () => {
  if (document.readyState !== "complete")
    await new Promise((resolve) => window.addEventListener("load", resolve, { once: true }));
  await new Promise((resolve) => setTimeout(resolve));
};

/**
 * The error of a widget that lacks an endpoint or a credential. A page often sets the credential
 * after the elements' script has run (a tokenProvider from its own script): until the page has
 * loaded, the widget waits for it, and only then says it is missing.
 */
export async function unsetError(unset: Unset, Setup: typeof SetupError): Promise<SetupError> {
  if (unset === "endpoint")
    return new Setup("no API endpoint: set endpoint on this element or on a <kpi-provider> around it");
  await pageLoaded();
  return new Setup(
    "no credential: set token (a publishable key kpi_pk_… or an embed token) or tokenProvider " +
      "on this element or on a <kpi-provider> around it",
  );
}

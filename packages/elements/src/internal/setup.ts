// What a widget that is not set up tells the developer: that it lacks a metric, an endpoint or a
// credential, that a word of its `compare` is unknown, or that its `.data` is not what it draws. A
// widget loads this module with the first such error: a page whose widgets are set up never needs
// it. It borrows SetupError and the comparisons from the widget rather than importing them: a bundler
// would move what both import into a chunk every page loads at once.
import type { Result } from "@kpikit/core";
import type { ResultFault } from "../client/is-result.js";
import type { SetupError } from "./report.js";

export const noMetric = 'set the metric attribute, e.g. metric="aov"';

/** Why a `compare` attribute is not what a widget can ask (`unknown`: its words that are not `compares`). */
export function compareProblem(compare: string | undefined, unknown: string[], compares: readonly string[]): string {
  return (
    `compare="${compare}": ${unknown.join(", ")} is not one of ${compares.join(", ")} or target ` +
    "(several are separated by spaces)"
  );
}

/** What a widget may lack before it can ask anything. */
export type Unset = "endpoint" | "credential";

/**
 * What keeps `.data` from being what a widget draws: a list where it shows one result, an empty
 * list, or a value that is not a result (`index`: where it is in the list).
 */
export type DataFault = "list" | "empty" | { value: Result; fault: ResultFault; index?: number };

/** Why a widget (`tag`) cannot draw its `.data`. */
export async function dataProblem(fault: DataFault, tag: string): Promise<string> {
  if (fault === "list") return `.data is a list; <${tag}> shows one KPI result`;
  if (fault === "empty") return ".data is an empty list";
  const at = fault.index === undefined ? "" : `[${fault.index}]`;
  // Words a batch's answers share (problems.ts), loaded as the data client loads them.
  const { resultProblem } = await import("../client/problems.js");
  return `.data${at} is not a KPI result: ${resultProblem(fault.value, fault.fault)}`;
}

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

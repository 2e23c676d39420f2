// What the developer is told of an answer a widget cannot use: a value that is not a result
// (is-result.ts finds which part), another query's result, a body that is not JSON or not the API's
// answer, an answer cut short. The data client imports this module with the first such answer
// (live.ts with the first such live update, setup.ts with a page's `.data`): a page whose answers
// are all results never needs it. The client lends it its error class rather than this module
// importing it: a bundler would move what both import into a chunk every page loads at once.
import type { QueryInput, Result } from "@kpikit/core";
import type { KpiRequestError } from "./errors.js";
import type { AnswerFault, ResultFault } from "./is-result.js";

const FAULTS = {
  object: "it is not an object",
  metric: "metric needs an id and a unit",
  change: "change needs absolute and relative numbers (or null)",
  series: "series is not an array",
};

/** Why a value is not a result, as its fault says. */
export function resultProblem(value: unknown, fault: ResultFault): string {
  if (typeof fault === "number") return `series[${fault}] needs a start and a number (or null) as value`;
  if (fault === "value" || fault === "previous")
    return `${fault} is ${JSON.stringify((value as Record<string, unknown>)[fault])}, not a number or null`;
  return FAULTS[fault];
}

/** Why an answer cannot be a query's result, as its fault says. */
export function answerProblem(query: QueryInput, answer: unknown, fault: AnswerFault): string {
  const result = answer as Result;
  if (fault === "other-metric") return `it is the result of ${result.metric.id}`;
  if (fault === "other-grain") return `its grain is ${result.range?.grain}, not ${query.grain}`;
  return resultProblem(answer, fault);
}

/** The error of a batch's answer, or of a live update, that cannot be its query's result. */
export function unusableResult(
  query: QueryInput,
  answer: unknown,
  fault: AnswerFault,
  RequestError: typeof KpiRequestError,
  live = false,
): KpiRequestError {
  const sent = live ? "a live update" : "a result";
  const problem = answerProblem(query, answer, fault);
  return new RequestError(
    `The KPI service sent ${sent} for ${query.metric} that this widget cannot use: ${problem}`,
    200,
  );
}

/** The error of a response whose body is not JSON. */
export function notJson(status: number, RequestError: typeof KpiRequestError): KpiRequestError {
  return new RequestError("The KPI service sent a response that is not valid JSON", status);
}

/** The error of a response in JSON that is not the API's answer to the batch. */
export function unreadable(status: number, RequestError: typeof KpiRequestError): KpiRequestError {
  return new RequestError("The KPI service sent a response this widget cannot read", status);
}

/** The error of a query whose result a batch's answer, streamed line by line, ended without. */
export function cutShort(RequestError: typeof KpiRequestError): KpiRequestError {
  return new RequestError("The KPI service's answer ended before this KPI's result", 200);
}

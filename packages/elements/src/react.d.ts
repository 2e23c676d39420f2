// JSX typings for React 19, which passes unknown props to custom elements as properties: widgets
// take their attributes and `.data` as props, and `onkpi-load` / `onkpi-error` as listeners of the
// widgets' events. The package's main entry brings them, so `import "@kpikit/elements"` is enough.
//
// No name of React's is used outside `declare module "react"`, and inside it only through Lookup:
// a project without @types/react then compiles this file cleanly, with or without skipLibCheck.
import type { Result } from "@kpikit/core";
import type { KpiCard } from "./components/kpi-card/kpi-card.js";
import type { KpiGauge } from "./components/kpi-gauge/kpi-gauge.js";
import type { KpiProvider } from "./components/kpi-provider/kpi-provider.js";
import type { KpiSparkline } from "./components/kpi-sparkline/kpi-sparkline.js";
import type { KpiTrend } from "./components/kpi-trend/kpi-trend.js";
import type { KpiErrorDetail } from "./internal/report.js";

/** T's property K when T has one (React's props of a <div> with @types/react), else nothing. */
type Lookup<T, K> = K extends keyof T ? T[K] : unknown;

interface WidgetEvents {
  "onkpi-load"?: (event: CustomEvent<{ result: Result }>) => void;
  "onkpi-error"?: (event: CustomEvent<KpiErrorDetail>) => void;
}

/** A <div>'s props (className, style, children, DOM events), the element's own, and a ref to the element. */
type Props<I, T extends HTMLElement, K extends keyof T> = Omit<Lookup<I, "div">, "ref"> &
  Partial<Pick<T, K>> &
  WidgetEvents & {
    class?: string;
    ref?: ((element: T | null) => undefined | (() => void)) | { current: T | null } | null;
  };

type WidgetKeys =
  | "metric"
  | "label"
  | "range"
  | "grain"
  | "compare"
  | "tz"
  | "locale"
  | "endpoint"
  | "token"
  | "now"
  | "filter"
  | "refresh"
  | "live"
  | "theme"
  | "data"
  | "tokenProvider";

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "kpi-card": Props<IntrinsicElements, KpiCard, WidgetKeys | "sparkline">;
      "kpi-gauge": Props<IntrinsicElements, KpiGauge, WidgetKeys | "min" | "max" | "target">;
      "kpi-trend": Props<IntrinsicElements, KpiTrend, WidgetKeys | "height">;
      "kpi-sparkline": Props<IntrinsicElements, KpiSparkline, WidgetKeys | "group">;
      "kpi-provider": Props<
        IntrinsicElements,
        KpiProvider,
        | "endpoint"
        | "token"
        | "locale"
        | "tz"
        | "range"
        | "grain"
        | "compare"
        | "now"
        | "filter"
        | "refresh"
        | "live"
        | "theme"
        | "tokenProvider"
      >;
    }
  }
}

// JSX typings for React 19, which passes unknown props to custom elements as properties: widgets
// take their attributes and `.data` as props, and `onkpi-load` / `onkpi-error` as listeners of the
// widgets' events. `import type {} from "@kpikit/elements/react"`.
import type { Result } from "@kpikit/core";
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type { KpiCard, KpiErrorDetail, KpiGauge, KpiProvider, KpiSparkline, KpiTrend } from "./index.js";

interface WidgetEvents {
  "onkpi-load"?: (event: CustomEvent<{ result: Result }>) => void;
  "onkpi-error"?: (event: CustomEvent<KpiErrorDetail>) => void;
}

type Props<T extends HTMLElement, K extends keyof T> = DetailedHTMLProps<HTMLAttributes<T>, T> & Partial<Pick<T, K>> & WidgetEvents & { class?: string };

type WidgetKeys = "metric" | "label" | "range" | "grain" | "compare" | "tz" | "locale" | "endpoint" | "token" | "now" | "filter" | "refresh" | "live" | "theme" | "data" | "tokenProvider";

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "kpi-card": Props<KpiCard, WidgetKeys | "sparkline">;
      "kpi-gauge": Props<KpiGauge, WidgetKeys | "min" | "max" | "target">;
      "kpi-trend": Props<KpiTrend, WidgetKeys | "height">;
      "kpi-sparkline": Props<KpiSparkline, WidgetKeys | "group">;
      "kpi-provider": Props<KpiProvider, "endpoint" | "token" | "locale" | "tz" | "range" | "grain" | "compare" | "now" | "filter" | "refresh" | "live" | "theme" | "tokenProvider">;
    }
  }
}

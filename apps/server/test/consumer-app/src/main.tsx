// A shop's own React 19 app, with @kpikit/elements installed from its tarball: nothing but the
// main entry is imported, and the JSX below must type-check against it.
import "@kpikit/elements";
import type { KpiCard } from "@kpikit/elements";
import { StrictMode, useRef, useState } from "react";
import { createRoot } from "react-dom/client";

// The API's address and publishable key, as a shop would put them in its configuration.
const params = new URLSearchParams(location.search);
const endpoint = params.get("endpoint") ?? "";
const token = params.get("token") ?? "";

function App() {
  const card = useRef<KpiCard>(null);
  const [loaded, setLoaded] = useState(0);
  return (
    <kpi-provider endpoint={endpoint} token={token} range="last_30_days">
      <kpi-card ref={card} metric="csat" className="trust" onkpi-load={() => setLoaded((n) => n + 1)}></kpi-card>
      <p id="loaded">{loaded}</p>
    </kpi-provider>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

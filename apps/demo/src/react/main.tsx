// KPI Kit in React 19: the elements are plain custom elements, and React 19 passes props to them
// as properties (so `tokenProvider` gets the function) and `onkpi-load` as an event listener.
import "@kpikit/elements";
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import { demoToken, RANGES } from "../demo-token.js";
import "../nav.js";
import "../styles.css";

function App() {
  const [range, setRange] = useState("last_30_days");
  const [loaded, setLoaded] = useState(0);
  return (
    <>
      <h1>KPI Kit in React 19</h1>
      <p className="lead">
        The same widgets, rendered by React. Results loaded: <output id="loaded">{loaded}</output>
      </p>
      <div className="controls">
        <label htmlFor="range">
          Range
          <select id="range" value={range} onChange={(e) => setRange(e.target.value)}>
            {RANGES.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </label>
      </div>
      <kpi-provider endpoint="/" range={range} tokenProvider={demoToken} onkpi-load={() => setLoaded((n) => n + 1)}>
        <div className="grid">
          <kpi-card metric="revenue"></kpi-card>
          <kpi-card metric="aov"></kpi-card>
          <kpi-gauge metric="conversion_rate"></kpi-gauge>
        </div>
        <h2>Revenue by day</h2>
        <kpi-trend metric="revenue" grain="day"></kpi-trend>
      </kpi-provider>
    </>
  );
}

createRoot(document.getElementById("app")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

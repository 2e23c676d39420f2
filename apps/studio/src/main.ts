// KPI Studio's entry: the kit's elements (bundled, as a shop's app would import them), the Studio's
// frame and its one stylesheet.
import "@kpikit/elements";
import "./app.js";
import "./styles.css";

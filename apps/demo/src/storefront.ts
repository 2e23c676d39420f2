// The storefront page's own script: the site navigation and styles. Its KPI widgets come from the
// elements' one-file build (a <script> tag) and read with the publishable key the server fills in.
import "./nav.js";
import "./styles.css";

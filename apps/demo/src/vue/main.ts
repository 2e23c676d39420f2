// KPI Kit in Vue 3: vite.config.ts tells Vue's compiler that kpi-* tags are custom elements.
import "@kpikit/elements";
import { createApp } from "vue";
import "../nav.js";
import "../styles.css";
import App from "./App.vue";

createApp(App).mount("#app");

// KPI Kit in Svelte 5: Svelte sets a custom element's properties when it has them (tokenProvider
// gets the function) and listens to its events with on<name>.
import "@kpikit/elements";
import { mount } from "svelte";
import "../nav.js";
import "../styles.css";
import App from "./App.svelte";

mount(App, { target: document.getElementById("app")! });

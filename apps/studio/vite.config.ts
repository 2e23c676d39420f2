import { defineConfig } from "vite";

// Served by apps/server at /studio/ (and deployable as these static files beside the Worker).
export default defineConfig({
  base: "/studio/",
  build: { target: "es2022" },
});

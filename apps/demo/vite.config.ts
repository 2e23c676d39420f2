import { fileURLToPath } from "node:url";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import react from "@vitejs/plugin-react";
import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vite";

const page = (name: string) => fileURLToPath(new URL(`${name}.html`, import.meta.url));

export default defineConfig({
  plugins: [
    react(),
    // Tags with a dash are custom elements, not Vue components.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith("kpi-") } } }),
    svelte(),
  ],
  build: {
    target: "es2022",
    rollupOptions: {
      input: {
        index: page("index"),
        storefront: page("storefront"),
        react: page("react"),
        vue: page("vue"),
        svelte: page("svelte"),
      },
    },
  },
});

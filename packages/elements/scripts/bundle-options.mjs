// How every bundle is built, here and in bench/elements, so that sizes compare like with like:
// esbuild, minified (template literals too), every dependency included, kept in memory.
import { createRequire } from "node:module";
import { transformSync } from "esbuild";
import { minifyHTMLLiteralsPlugin } from "esbuild-plugin-minify-html-literals";

// The plugin's CSS minifier (clean-css 4) predates container queries: it drops an @container
// block and every rule after it, and the unit after an expression in a style attribute
// (`inline-size: ${width}%`). So css`` goes through esbuild's CSS minifier, and style attributes
// stay as written. The strategy is the plugin's own dependency, hence the require from there.
const { defaultStrategy } = createRequire(import.meta.resolve("esbuild-plugin-minify-html-literals"))(
  "minify-html-literals",
);
const strategy = {
  ...defaultStrategy,
  minifyHTML: (html, options) => defaultStrategy.minifyHTML(html, { ...options, minifyCSS: false }),
  minifyCSS: (css) => transformSync(css, { loader: "css", minify: true }).code.trim(),
};

export const bundleOptions = {
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2022",
  platform: "browser",
  legalComments: "none",
  charset: "utf8",
  write: false,
  plugins: [minifyHTMLLiteralsPlugin({ strategy })],
};

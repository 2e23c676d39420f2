// How every bundle is built, here and in bench/elements, so that sizes compare like with like:
// esbuild, minified (template literals too), every dependency included, kept in memory.
import { minifyHTMLLiteralsPlugin } from "esbuild-plugin-minify-html-literals";

export const bundleOptions = {
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2022",
  platform: "browser",
  legalComments: "none",
  charset: "utf8",
  write: false,
  plugins: [minifyHTMLLiteralsPlugin()],
};

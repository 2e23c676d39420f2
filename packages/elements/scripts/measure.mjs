// What a page downloads for an entry, as esbuild bundles it with code splitting: the files loaded at
// once (the entry and the chunks it imports statically) apart from the chunks it imports
// dynamically, which load only when needed (live updates, for widgets with `live`; the words of a
// locale other than English, for widgets that speak it). Each file is
// gzipped on its own, as it is served.
import { relative } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { bundleOptions } from "./bundle-options.mjs";

const sizeOf = (contents) => ({ min: contents.length, gzip: gzipSync(contents, { level: 9 }).length });
const sum = (sizes) => sizes.reduce((a, b) => ({ min: a.min + b.min, gzip: a.gzip + b.gzip }), { min: 0, gzip: 0 });

/**
 * @param {import("esbuild").BuildOptions} options the entry (`entryPoints` with one entry, or `stdin`),
 *   and where the files would be written (`outdir`, "measure" when absent)
 * @returns {Promise<{ initial: { min: number, gzip: number }, lazy: { name: string, min: number, gzip: number }[],
 *   outputFiles: import("esbuild").OutputFile[] }>}
 */
export async function measure(options) {
  const cwd = options.absWorkingDir ?? process.cwd();
  const { outputFiles, metafile } = await build({
    outdir: "measure",
    ...bundleOptions,
    ...options,
    splitting: true,
    metafile: true,
  });
  const contents = new Map(outputFiles.map((f) => [relative(cwd, f.path), f.contents]));
  const outputs = Object.entries(metafile.outputs);
  const imported = new Set(outputs.flatMap(([, o]) => o.imports.map((i) => i.path)));
  const roots = outputs.filter(([path]) => !imported.has(path));
  if (roots.length !== 1) throw new Error(`expected one entry, got ${roots.map(([p]) => p).join(", ")}`);
  const initial = new Set();
  const visit = (path) => {
    if (initial.has(path)) return;
    initial.add(path);
    for (const i of metafile.outputs[path].imports) if (i.kind === "import-statement") visit(i.path);
  };
  visit(roots[0][0]);
  return {
    outputFiles,
    initial: sum([...initial].map((path) => sizeOf(contents.get(path)))),
    lazy: outputs
      .filter(([path]) => !initial.has(path))
      // Named by the module a chunk starts from, e.g. client/live.ts (or client/live.js from dist).
      .map(([path, o]) => ({
        name: o.entryPoint ? o.entryPoint.split("/").slice(-2).join("/") : path,
        ...sizeOf(contents.get(path)),
      })),
  };
}

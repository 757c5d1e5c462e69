// Minifies the app's JS glue (wasm-bindgen's output, which the loader in index.html imports)
// with terser, pinned in e2e/package.json: 39 KB to 17 KB, 2 KB less gzipped on the first
// load (docs/quality.md). Trunk's own minifier fails on this file and leaves it as it is.
//
//   node scripts/minify-js.mjs DIR     (scripts/post-build.sh runs it on trunk's staging dir)
//
// Without e2e/node_modules (run `make setup`), it says so and leaves the file alone; the size
// budget then tells whether that matters.
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** The JS files the loader imports, from index.html. */
export function glueFiles(html) {
  return [...html.matchAll(/\b(?:import\(|from)\s*['"]\/?([^'"]+\.js)['"]/g)].map((m) => m[1]);
}

async function terser() {
  try {
    const require = createRequire(new URL("../e2e/package.json", import.meta.url));
    const mod = await import(pathToFileURL(require.resolve("terser")).href);
    return mod.minify ?? mod.default.minify;
  } catch {
    return null;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [dir, page = "index.html"] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: node scripts/minify-js.mjs DIR [PAGE]   (PAGE: index.html unless given)");
    process.exit(2);
  }
  const minify = await terser();
  if (!minify) {
    console.log("minify-js: terser is not installed (make setup); the JS glue stays as it is");
    process.exit(0);
  }
  const html = await readFile(join(dir, page), "utf8");
  for (const file of glueFiles(html)) {
    const path = join(dir, file);
    const code = await readFile(path, "utf8");
    // An ES module: exports keep their names (the loader calls `default`, the e2e tests
    // `fuzhu_force_panic`); the import object's keys are properties, which terser keeps.
    const out = await minify(code, { module: true, ecma: 2017, compress: { passes: 2 }, mangle: true });
    await writeFile(path, out.code);
    console.log(`minify-js: ${file} ${Buffer.byteLength(code)} -> ${Buffer.byteLength(out.code)} bytes`);
  }
}

// Minifies the app's JS glue (wasm-bindgen's output, which the loader in index.html imports)
// with terser, pinned in the build's own package (scripts/package.json, installed by
// scripts/setup.sh: `npm ci` in scripts/): 39 KB to 17 KB, 2 KB less gzipped on the first
// load (docs/quality.md). Trunk's own minifier fails on this file and leaves it as it is.
//
//   node scripts/minify-js.mjs DIR [PAGE]   (scripts/post-build.mjs runs minifyGlue on trunk's
//                                            staging dir)
//
// Without scripts/node_modules (run `make setup`), the build fails and says so: a release
// with an unminified glue would be over its size budget.
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
    const require = createRequire(new URL("./package.json", import.meta.url));
    const mod = await import(pathToFileURL(require.resolve("terser")).href);
    return mod.minify ?? mod.default.minify;
  } catch {
    throw new Error("minify-js: terser is not installed in scripts/node_modules: run `make setup` (scripts/setup.sh)");
  }
}

/** Minifies the JS files `page` in `dir` imports; one log line per file. */
export async function minifyGlue(dir, page = "index.html") {
  const minify = await terser();
  const html = await readFile(join(dir, page), "utf8");
  const said = [];
  for (const file of glueFiles(html)) {
    const path = join(dir, file);
    const code = await readFile(path, "utf8");
    // An ES module: exports keep their names (the loader calls `default`, the e2e tests
    // `fuzhu_force_panic`); the import object's keys are properties, which terser keeps.
    const out = await minify(code, { module: true, ecma: 2017, compress: { passes: 2 }, mangle: true });
    await writeFile(path, out.code);
    said.push(`minify-js: ${file} ${Buffer.byteLength(code)} -> ${Buffer.byteLength(out.code)} bytes`);
  }
  return said.join("\n");
}

/** Minifies `page`'s inline scripts with terser, in place: the classic boot script
 *  (static/boot.js, inlined by trunk) kept ES5 (old WebViews run it before anything else),
 *  names mangled only inside its function scope (what it puts on `window` keeps its name); the
 *  module loader (Trunk.toml's pattern_script) as a module. Runs before the
 *  Content-Security-Policy hashes the page's inline scripts. */
export async function minifyInline(dir, page = "index.html") {
  const minify = await terser();
  const path = join(dir, page);
  const html = await readFile(path, "utf8");
  const said = [];
  let out = "";
  let at = 0;
  for (const m of html.matchAll(/(<script\b([^>]*)>)([\s\S]*?)(<\/script>)/gi)) {
    const [whole, open, attrs, code, close] = m;
    const module = /\btype\s*=\s*["']?module\b/i.test(attrs);
    if ((/\btype\s*=/i.test(attrs) && !module) || /\bsrc\s*=/i.test(attrs) || !code.trim()) continue;
    const result = await minify(code, module
      ? { module: true, ecma: 2017, compress: { passes: 2 }, mangle: true }
      : { ecma: 5, compress: { passes: 2 }, mangle: true });
    out += html.slice(at, m.index) + open + result.code + close;
    at = m.index + whole.length;
    said.push(`minify-js: ${page}'s inline script ${Buffer.byteLength(code)} -> ${Buffer.byteLength(result.code)} bytes`);
  }
  await writeFile(path, out + html.slice(at));
  return said.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [dir, page = "index.html"] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: node scripts/minify-js.mjs DIR [PAGE]   (PAGE: index.html unless given)");
    process.exit(2);
  }
  console.log(await minifyGlue(dir, page));
}

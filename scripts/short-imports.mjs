// Gives the wasm's imports from its JS glue one- or two-letter names, in the wasm and in the
// JS alike. wasm-bindgen names each import after the JS it calls plus a 16-digit hash
// (`__wbg_set_innerHTML_a9d3a267967b5117`): about a hundred such names, written once in the
// wasm and once in the glue, are 3.6 KB of the first load gzipped (docs/quality.md).
//
//   node scripts/short-imports.mjs DIR     (scripts/post-build.mjs runs it on trunk's staging
//                                           dir; the loader's JS and wasm are named in
//                                           index.html)
//
// Only names that occur in the glue are renamed, and the glue must hold each of them, or
// nothing is changed: the build then ships the long names, which work just as well.
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

function uleb(buf, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function encodeUleb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** 0 → "a", 51 → "Z", 52 → "aa", … */
export function shortName(k) {
  let s = "";
  for (let n = k + 1; n > 0; n = Math.floor((n - 1) / ALPHABET.length)) {
    s = ALPHABET[(n - 1) % ALPHABET.length] + s;
  }
  return s;
}

/** The wasm with the import fields `rename` maps renamed, and the imports it saw. */
export function renameImports(wasm, rename) {
  const parts = [wasm.subarray(0, 8)];
  const seen = [];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = uleb(wasm, at + 1);
    const end = start + size;
    if (id !== 2) {
      parts.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    const body = wasm.subarray(start, end);
    let [count, p] = uleb(body, 0);
    const out = [encodeUleb(count)];
    for (; count > 0; count -= 1) {
      let len;
      [len, p] = uleb(body, p);
      const module = body.subarray(p, p + len).toString("utf8");
      p += len;
      [len, p] = uleb(body, p);
      const field = body.subarray(p, p + len).toString("utf8");
      p += len;
      const descStart = p;
      const kind = body[p++];
      if (kind === 0) [, p] = uleb(body, p); // function: type index
      else if (kind === 1 || kind === 2) {
        if (kind === 1) p += 1; // table: element type
        const flags = body[p++];
        [, p] = uleb(body, p);
        if (flags & 1) [, p] = uleb(body, p);
      } else if (kind === 3) p += 2; // global: value type, mutability
      else throw new Error(`import ${module}.${field}: unknown kind ${kind}`);
      seen.push({ module, field, kind });
      const name = (kind === 0 && rename.get(field)) || field;
      out.push(encodeUleb(Buffer.byteLength(module)), Buffer.from(module));
      out.push(encodeUleb(Buffer.byteLength(name)), Buffer.from(name), body.subarray(descStart, p));
    }
    if (p !== body.length) throw new Error("the import section did not end where it should");
    const section = Buffer.concat(out);
    parts.push(Buffer.from([2]), encodeUleb(section.length), section);
    at = end;
  }
  return { wasm: Buffer.concat(parts), seen };
}

const token = (name) => new RegExp(`(?<![\\w$])${name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}(?![\\w$])`, "g");

export function shorten(wasm, js) {
  const { seen } = renameImports(wasm, new Map());
  // The functions the glue gives the wasm: every function import of a module the glue names
  // as a quoted key ("./fuzhu-web_bg.js"). Each must be a whole word in the glue.
  const modules = new Set(seen.map((i) => i.module).filter((m) => js.includes(`"${m}"`)));
  const fields = [...new Set(seen.filter((i) => i.kind === 0 && modules.has(i.module)).map((i) => i.field))];
  if (fields.length === 0 || fields.some((f) => !token(f).test(js))) return null;
  const rename = new Map(fields.map((f, k) => [f, shortName(k)]));
  let out = js;
  for (const [from, to] of rename) out = out.replace(token(from), to);
  return { wasm: renameImports(wasm, rename).wasm, js: out, count: rename.size };
}

/** The loader's JS and wasm, from index.html. */
export function loaded(html) {
  const js = /\b(?:import\(|from)\s*['"]\/?([^'"]+\.js)['"]/.exec(html)?.[1];
  const wasm = /['"]\/?([^'"]+\.wasm)['"]/.exec(html)?.[1];
  return js && wasm ? { js, wasm } : null;
}

/** Shortens the imports of the wasm `page` in `dir` loads, in the wasm and its glue. */
export async function shortenImports(dir, page = "index.html") {
  const files = loaded(await readFile(join(dir, page), "utf8"));
  if (!files) return `short-imports: ${page} names no JS and wasm; nothing done`;
  const wasm = await readFile(join(dir, files.wasm));
  const js = await readFile(join(dir, files.js), "utf8");
  const result = shorten(wasm, js);
  if (!result) return "short-imports: the JS glue does not hold every import's name; nothing done";
  // The result must still be a module whose imports are the short names.
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(result.wasm));
  if (imports.some((i) => i.kind === "function" && /^__wbg_\w+_[0-9a-f]{16}$/.test(i.name))) {
    throw new Error("short-imports: a long import name is left");
  }
  await writeFile(join(dir, files.wasm), result.wasm);
  await writeFile(join(dir, files.js), result.js);
  return (
    `short-imports: ${result.count} imports renamed; wasm ${wasm.length} -> ${result.wasm.length}, ` +
    `JS ${Buffer.byteLength(js)} -> ${Buffer.byteLength(result.js)} bytes`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [dir, page = "index.html"] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: node scripts/short-imports.mjs DIR [PAGE]   (PAGE: index.html unless given)");
    process.exit(2);
  }
  console.log(await shortenImports(dir, page));
}

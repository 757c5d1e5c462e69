// Gives every content-hashed file of a built page a hash of exactly 16 hex digits, as the
// deploy configurations' immutable-cache rule expects (deploy/nginx.conf, deploy/apache.conf:
// `-[0-9a-f]{16}(_bg)?\.(js|wasm|txt)$`). Trunk writes its 64-bit hash without leading zeros,
// so about one build in sixteen names a bundle with 15 digits (fuzhu-office-6bd…_bg.wasm),
// which the rule then misses: the file is revalidated on every visit instead of cached.
// Here such a name gets its leading zeros back, in the file's name and wherever the page or
// its JS glue names it.
//
// For office.html it also puts the office page's worker script (static/office-worker.js,
// src/app/desk/worker.rs) beside the bundle as fuzhu-office-worker-<first 16 hex digits of
// its SHA-256>.js, and names it so in the page's loader.
//
//   node scripts/hash-names.mjs DIR [PAGE]   (scripts/post-build.mjs runs it on trunk's staging
//                                             dir, first, before the glue is minified)
import { createHash } from "node:crypto";
import { readFile, readdir, rename, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** A bundle file trunk names: the bin's name, its hash, the glue or the wasm. */
const BUNDLE = /^(fuzhu-(?:web|office))-([0-9a-f]{1,16})(_bg\.wasm|\.js)$/;

/** The padded name of `file`, or the name itself when it needs no padding. */
export function padded(file) {
  const m = BUNDLE.exec(file);
  if (!m || m[2].length === 16) return file;
  return `${m[1]}-${m[2].padStart(16, "0")}${m[3]}`;
}

export async function hashNames(dir, page = "index.html") {
  const names = await readdir(dir);
  const renames = names.filter((f) => padded(f) !== f).map((f) => [f, padded(f)]);
  for (const [from, to] of renames) await rename(join(dir, from), join(dir, to));
  // The page's loader and every JS file (the glue names its wasm) say the new names.
  const texts = [page, ...names.map(padded).filter((f) => f.endsWith(".js"))];
  const work = [];
  if (page === "office.html") {
    const source = await readFile(join(ROOT, "static", "office-worker.js"));
    const hash = createHash("sha256").update(source).digest("hex").slice(0, 16);
    const worker = `fuzhu-office-worker-${hash}.js`;
    await writeFile(join(dir, worker), source);
    work.push(["fuzhu-office-worker.js", worker]);
  }
  for (const file of texts) {
    const path = join(dir, file);
    let text = await readFile(path, "utf8");
    const before = text;
    for (const [from, to] of [...renames, ...work]) text = text.split(from).join(to);
    if (text !== before) await writeFile(path, text);
  }
  return [...renames, ...work];
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [dir, page = "index.html"] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: node scripts/hash-names.mjs DIR [PAGE]");
    process.exit(2);
  }
  for (const [from, to] of await hashNames(dir, page)) console.log(`hash-names: ${from} -> ${to}`);
}

// Writes the service worker's precache list and release version into DIR/sw.js:
//
//   node scripts/precache.mjs DIR        (Trunk's post_build hook runs it on the staging dir)
//
// PRECACHE is every file under DIR except sw.js itself, the embedding demo and the office
// page (office.html and its fuzhu-office-… files), as paths
// relative to sw.js; VERSION is the first 16 hex digits of a SHA-256 over every listed file's
// path and contents, so any change to any file makes a new version (and a new cache), and an
// unchanged build gives the same one. Running it again on the same DIR gives the same sw.js.
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";

const EXCLUDE = new Set(["sw.js", "embed-demo.html", "embed-demo.css", "embed-resize.js", "office.html"]);
// The street office's page and its bundle (office.html, fuzhu-office-….js/_bg.wasm) are not
// precached: every family's phone would download the office's spreadsheet code. The office
// page is used online, on the office's PC; the worker passes its requests to the network.
const OFFICE = /^fuzhu-office-/;
const BLOCK = /\/\* PRECACHE-BEGIN[^*]*\*\/[\s\S]*?\/\* PRECACHE-END \*\//;

async function files(dir, root = dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path, root)));
    else if (entry.isFile()) out.push(relative(root, path).split(sep).join("/"));
  }
  return out;
}

export async function precache(dir) {
  const list = (await files(dir)).filter((path) => !EXCLUDE.has(path) && !OFFICE.test(path)).sort();
  if (!list.includes("index.html")) throw new Error(`${dir}/index.html not found`);
  const version = createHash("sha256");
  for (const path of list) {
    const digest = createHash("sha256").update(await readFile(join(dir, path))).digest("hex");
    version.update(`${path}\0${digest}\n`);
  }
  const id = version.digest("hex").slice(0, 16);
  const swPath = join(dir, "sw.js");
  const sw = await readFile(swPath, "utf8");
  if (!BLOCK.test(sw)) throw new Error(`${swPath} has no PRECACHE-BEGIN/END block`);
  const block = [
    "/* PRECACHE-BEGIN (written by scripts/precache.mjs) */",
    `const VERSION = ${JSON.stringify(id)};`,
    `const PRECACHE = ${JSON.stringify(list, null, 2)};`,
    "/* PRECACHE-END */",
  ].join("\n");
  await writeFile(swPath, sw.replace(BLOCK, block));
  return { version: id, files: list };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: node scripts/precache.mjs DIR");
    process.exit(2);
  }
  const { version, files: list } = await precache(dir);
  console.log(`sw.js: version ${version}, ${list.length} files precached`);
}

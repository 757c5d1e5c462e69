// The release an office's IT puts on its own server (docs/deploy.md):
//
//   node scripts/release.mjs [DIST] [OUT]     (make release: DIST=dist, OUT=release)
//
// writes OUT/fuzhu-<version>.zip and OUT/SHA256SUMS (the zip's SHA-256, for `sha256sum -c`).
// The version is [package] version in Cargo.toml. The zip holds one folder:
//
//   fuzhu-<version>/site/      every file of DIST (the web root: every page the build made)
//   fuzhu-<version>/deploy/    deploy/'s server configurations, as they are, and the
//                              Content-Security-Policy for response headers, made here from the
//                              policies the build wrote into site/index.html and
//                              site/office.html, joined (csp.txt and one
//                              snippet per server: nginx-csp.conf, apache-csp.conf, _headers)
//   fuzhu-<version>/DEPLOY.md  docs/deploy.md
//   fuzhu-<version>/SHA256SUMS every other file's SHA-256 (`cd fuzhu-<version> && sha256sum -c SHA256SUMS`)
//
// Reproducible: the same DIST and sources give the same bytes. Entries are sorted by path,
// each is dated SOURCE_DATE_EPOCH (default: the last commit's time; 1980-01-01 outside git),
// with fixed permissions (0644) and no extra fields, deflated by Node's zlib at level 9.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** [package] version from Cargo.toml. */
export async function cargoVersion(root = ROOT) {
  const toml = await readFile(join(root, "Cargo.toml"), "utf8");
  const pkg = toml.split(/^\[/m).find((section) => section.startsWith("package]"));
  const m = pkg && pkg.match(/^version\s*=\s*"([^"]+)"/m);
  if (!m) throw new Error("Cargo.toml: no [package] version");
  return m[1];
}

/** Every file under `dir`, as sorted '/'-separated relative paths. */
export async function listFiles(dir, root = dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path, root)));
    else if (entry.isFile()) out.push(relative(root, path).split(sep).join("/"));
    else throw new Error(`${path}: neither a file nor a folder`);
  }
  return out.sort(byteOrder);
}

const byteOrder = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** The Content-Security-Policy the build wrote into index.html's <meta http-equiv>. */
export function metaPolicy(html) {
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/i);
  if (!m) throw new Error("index.html has no Content-Security-Policy meta (scripts/csp.mjs writes it)");
  return m[1];
}

/** One policy allowing what each page's own policy allows: the same directives, their
 *  sources joined (each page's inline script and style hashes). A server sends one header
 *  for every page, and the office page's inline loader and styles differ from index.html's. */
export function mergePolicies(policies) {
  const merged = new Map();
  for (const policy of policies) {
    for (const part of policy.split(";")) {
      const [name, ...sources] = part.trim().split(/\s+/);
      if (!name) continue;
      const have = merged.get(name) ?? [];
      for (const src of sources) if (!have.includes(src)) have.push(src);
      merged.set(name, have);
    }
  }
  return [...merged].map(([name, sources]) => [name, ...sources].join(" ")).join("; ");
}

/** The header files for each server: the meta's policy and frame-ancestors, which only a
 *  header can set. The sites allowed to embed are the server configuration's own setting
 *  (nginx: $fuzhu_frame_ancestors, Apache: ${FUZHU_FRAME_ANCESTORS}, see deploy/). */
export function headerFiles(policy) {
  if (/["\\$\n]/.test(policy)) throw new Error(`the policy has a character no config file can quote: ${policy}`);
  const note = (c) =>
    `${c} Made by scripts/release.mjs from site/index.html's Content-Security-Policy meta, with\n` +
    `${c} frame-ancestors added. It belongs to this release only: replace it with the release.\n`;
  return {
    "csp.txt": `${policy}\n`,
    "nginx-csp.conf": `${note("#")}add_header Content-Security-Policy "${policy}; frame-ancestors $fuzhu_frame_ancestors" always;\n`,
    "apache-csp.conf": `${note("#")}Header always set Content-Security-Policy "${policy}; frame-ancestors \${FUZHU_FRAME_ANCESTORS}"\n`,
    // Netlify, Cloudflare Pages and other hosts that read a _headers file from the site's
    // root (copy it there). Only 'self' may embed: add the office sites after it.
    _headers:
      `# For static hosts that read _headers (copy it into the site's root). ${"Made by scripts/release.mjs."}\n` +
      `/*\n  Content-Security-Policy: ${policy}; frame-ancestors 'self'\n  X-Content-Type-Options: nosniff\n` +
      ["/", "/index.html", "/sw.js"].map((p) => `${p}\n  Cache-Control: no-cache\n`).join("") +
      `/fuzhu-web-*\n  Cache-Control: public, max-age=31536000, immutable\n` +
      `/fuzhu-office-*\n  Cache-Control: public, max-age=31536000, immutable\n`,
  };
}

/** SOURCE_DATE_EPOCH, else the last commit's time, else 1980-01-01 (the zip format's first day). */
export function sourceDateEpoch(root = ROOT) {
  if (process.env.SOURCE_DATE_EPOCH) return Number(process.env.SOURCE_DATE_EPOCH);
  try {
    return Number(execFileSync("git", ["-C", root, "log", "-1", "--format=%ct"], { encoding: "utf8" }).trim());
  } catch {
    return 315532800;
  }
}

/** MS-DOS time and date (UTC, 2-second steps) of a Unix time. */
function dosDateTime(epoch) {
  const d = new Date(Math.max(epoch, 315532800) * 1000);
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
  const date = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  return { time, date };
}

/**
 * A zip of `entries` ([name, Buffer], in the order given), every entry dated `epoch`, mode
 * 0644, UTF-8 names, deflated unless that is no smaller. No zip64: the release is far below 4 GB.
 */
export function zip(entries, epoch) {
  const { time, date } = dosDateTime(epoch);
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const deflated = deflateRawSync(data, { level: 9 });
    const method = deflated.length < data.length ? 8 : 0;
    const body = method === 8 ? deflated : data;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0 (so the mode below counts)
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    // extra, comment, disk, internal attributes: 0
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The entries of a zip written by zip() (or any zip without zip64 or data descriptors). */
export function unzip(buffer) {
  const endAt = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(endAt + 10);
  let at = buffer.readUInt32LE(endAt + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const skip = nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const body = buffer.subarray(start, start + size);
    out.push([name, method === 8 ? inflateRawSync(body) : Buffer.from(body)]);
    at += 46 + skip;
  }
  return out;
}

const sha256 = (data) => createHash("sha256").update(data).digest("hex");

/** Builds the release of `dist` into `out`; returns {zipPath, sumsPath, name, sha256, bytes, files}. */
export async function release(dist, out, { root = ROOT, epoch = sourceDateEpoch(root) } = {}) {
  const version = await cargoVersion(root);
  const name = `fuzhu-${version}`;
  const site = await listFiles(dist);
  if (!site.includes("index.html")) throw new Error(`${dist}/index.html not found: make build first`);
  const files = new Map();
  for (const path of site) files.set(`site/${path}`, await readFile(join(dist, path)));
  for (const path of await listFiles(join(root, "deploy"))) {
    files.set(`deploy/${path}`, await readFile(join(root, "deploy", path)));
  }
  // Every page's policy in one header (the family page's and, when built, the office page's).
  const pages = ["index.html", "office.html"].filter((p) => site.includes(p));
  const policy = mergePolicies(await Promise.all(pages.map(async (p) => metaPolicy(await readFile(join(dist, p), "utf8")))));
  for (const [path, text] of Object.entries(headerFiles(policy))) files.set(`deploy/${path}`, Buffer.from(text));
  files.set("DEPLOY.md", await readFile(join(root, "docs", "deploy.md")));
  const paths = [...files.keys()].sort(byteOrder);
  files.set("SHA256SUMS", Buffer.from(paths.map((p) => `${sha256(files.get(p))}  ${p}\n`).join("")));
  const entries = [...files.keys()].sort(byteOrder).map((p) => [`${name}/${p}`, files.get(p)]);
  const bytes = zip(entries, epoch);
  await mkdir(out, { recursive: true });
  const zipPath = join(out, `${name}.zip`);
  const sumsPath = join(out, "SHA256SUMS");
  const digest = sha256(bytes);
  await writeFile(zipPath, bytes);
  await writeFile(sumsPath, `${digest}  ${name}.zip\n`);
  return { zipPath, sumsPath, name, sha256: digest, bytes: bytes.length, files: entries.length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dist = process.argv[2] ?? join(ROOT, "dist");
  const out = process.argv[3] ?? join(ROOT, "release");
  const r = await release(dist, out);
  console.log(`release: ${r.zipPath} (${r.bytes} bytes, ${r.files} files), sha256 ${r.sha256}`);
}

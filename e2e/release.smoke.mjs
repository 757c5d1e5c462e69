// The release zip (scripts/release.mjs, make release): reproducible, complete, checkable, and
// its server configurations are the ones docs/deploy.md shows.
//
//   make test-release     (after make release; check-repro compares two trunk builds)

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, readdir, rm, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { cargoVersion, listFiles, release, unzip } from "../scripts/release.mjs";
import { DIST_DIR } from "./lib/browser.mjs";
import { RELEASE_DIR } from "./lib/servers.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);
const temps = [];
const temp = async (name) => {
  const dir = await mkdtemp(join(tmpdir(), `fuzhu-${name}-`));
  temps.push(dir);
  return dir;
};
after(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

test("the same dist/ gives the same zip, whatever the files' times and the folder it is in", async () => {
  const a = await temp("rel-a");
  const b = await temp("rel-b");
  const first = await release(DIST_DIR, a);
  // Another copy of dist/, with other modification times.
  const copy = await temp("dist-copy");
  await cp(DIST_DIR, copy, { recursive: true });
  for (const path of await listFiles(copy)) await utimes(join(copy, path), 1234567890, 1234567890);
  const second = await release(copy, b);
  assert.equal(second.sha256, first.sha256);
  assert.ok((await readFile(first.zipPath)).equals(await readFile(second.zipPath)), "byte-identical zips");
  assert.equal(await readFile(first.sumsPath, "utf8"), await readFile(second.sumsPath, "utf8"));
  // And `make release` made this very zip.
  const made = join(RELEASE_DIR, `${first.name}.zip`);
  assert.equal(await readFile(join(RELEASE_DIR, "SHA256SUMS"), "utf8"), `${first.sha256}  ${first.name}.zip\n`);
  assert.ok((await readFile(made)).equals(await readFile(first.zipPath)), "make release's zip is the same");
});

test("the zip is named by Cargo.toml's version and holds the whole site, the configurations and their sums", async () => {
  const version = await cargoVersion(ROOT);
  const name = `fuzhu-${version}`;
  const zipPath = join(RELEASE_DIR, `${name}.zip`);
  // sha256sum and unzip, as an administrator checks it.
  await run("sha256sum", ["-c", "SHA256SUMS"], { cwd: RELEASE_DIR });
  await run("unzip", ["-tq", zipPath]);
  const entries = unzip(await readFile(zipPath));
  const names = entries.map(([n]) => n);
  assert.deepEqual(names, [...names].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y))), "sorted entries");
  const site = (await listFiles(DIST_DIR)).map((p) => `${name}/site/${p}`);
  for (const path of site) assert.ok(names.includes(path), path);
  for (const path of ["nginx.conf", "apache.conf", "nginx-csp.conf", "apache-csp.conf", "csp.txt", "_headers"]) {
    assert.ok(names.includes(`${name}/deploy/${path}`), path);
  }
  assert.ok(names.includes(`${name}/DEPLOY.md`) && names.includes(`${name}/SHA256SUMS`));
  const dir = await temp("unzipped");
  await run("unzip", ["-q", zipPath, "-d", dir]);
  await run("sha256sum", ["-c", "--quiet", "SHA256SUMS"], { cwd: join(dir, name) });
  // The files are the build's, byte for byte.
  for (const path of await listFiles(DIST_DIR)) {
    assert.ok((await readFile(join(DIST_DIR, path))).equals(await readFile(join(dir, name, "site", path))), path);
  }
  const listing = (await run("unzip", ["-Z", "-l", zipPath])).stdout;
  assert.doesNotMatch(listing, /^d/m, "no folder entries");
  for (const line of listing.split("\n").filter((l) => l.startsWith("-"))) assert.match(line, /^-rw-r--r--/, line);
});

test("the header CSP joins the policies index.html and office.html carry, with frame-ancestors", async () => {
  const { policy } = await import("../scripts/csp.mjs");
  const { mergePolicies } = await import("../scripts/release.mjs");
  const metas = [];
  for (const page of ["index.html", "office.html"]) {
    const html = await readFile(join(DIST_DIR, page), "utf8");
    const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
    assert.equal(policy(html), m, `the meta is scripts/csp.mjs's policy for this ${page}`);
    metas.push(m);
  }
  const meta = mergePolicies(metas);
  // Every source either page allows, and nothing more: each page's hashes are in the header.
  for (const m of metas) for (const src of m.split(/[; ]+/)) assert.ok(meta.includes(src), src);
  const name = `fuzhu-${await cargoVersion(ROOT)}`;
  const files = Object.fromEntries(unzip(await readFile(join(RELEASE_DIR, `${name}.zip`))));
  const text = (p) => files[`${name}/deploy/${p}`].toString("utf8");
  assert.equal(text("csp.txt"), `${meta}\n`);
  assert.ok(text("nginx-csp.conf").includes(`"${meta}; frame-ancestors $fuzhu_frame_ancestors"`));
  assert.ok(text("apache-csp.conf").includes(`"${meta}; frame-ancestors \${FUZHU_FRAME_ANCESTORS}"`));
  assert.ok(text("_headers").includes(`Content-Security-Policy: ${meta}; frame-ancestors 'self'`));
});

test("docs/deploy.md shows deploy/'s files exactly as they are", async () => {
  const doc = await readFile(join(ROOT, "docs", "deploy.md"), "utf8");
  for (const file of await readdir(join(ROOT, "deploy"))) {
    const text = await readFile(join(ROOT, "deploy", file), "utf8");
    assert.ok(doc.includes(text), `docs/deploy.md should include deploy/${file} verbatim`);
  }
});

// The release zip (make release) unpacked, and served by Debian's nginx or Apache httpd with
// the configuration in its deploy/ folder (docs/deploy.md), on 127.0.0.1, from a temp dir with
// its own config, pid and log files: no systemd, nothing in /etc is changed.
//
//   const release = await unpackRelease();             // release/fuzhu-<version>.zip
//   const server = await startServer("nginx", release); // or "apache"
//   server.origin   // "http://127.0.0.1:41234"
//   await server.close(); await release.remove();
//
// The site configuration is used as docs/deploy.md gives it, with only its EDIT lines changed
// as an administrator would: the port (and 127.0.0.1), the path it is unpacked at
// (/srv/fuzhu/current) and, when asked, the sites that may embed it. `wrong` adds a
// misconfiguration on purpose (see servers.smoke.mjs).

import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const RELEASE_DIR = process.env.FUZHU_RELEASE ?? fileURLToPath(new URL("../../release", import.meta.url));
const DOC_PREFIX = "/srv/fuzhu/current";
const run = promisify(execFile);

/** Unzips the release with the system's unzip (an independent reader of the zip) into a temp
 *  dir; returns {dir (the release folder), site, deploy, name, remove()}. */
export async function unpackRelease(releaseDir = RELEASE_DIR) {
  // The zip that SHA256SUMS names: the last `make release` (older versions may lie beside it).
  const sums = await readFile(join(releaseDir, "SHA256SUMS"), "utf8").catch(() => "");
  const zips = [...sums.matchAll(/^[0-9a-f]{64}  (fuzhu-.+\.zip)$/gm)].map((m) => m[1]);
  assert.equal(zips.length, 1, `SHA256SUMS in ${releaseDir} names one fuzhu-*.zip (make release)`);
  const tmp = await mkdtemp(join(tmpdir(), "fuzhu-release-"));
  await run("unzip", ["-q", join(releaseDir, zips[0]), "-d", tmp]);
  const name = zips[0].replace(/\.zip$/, "");
  const dir = join(tmp, name);
  // The servers' workers (www-data, nobody) read it: a temp dir is 0700.
  await run("chmod", ["-R", "a+rX", tmp]);
  return { dir, site: join(dir, "site"), deploy: join(dir, "deploy"), name, remove: () => rm(tmp, { recursive: true, force: true }) };
}

/** A port nothing listens on now (the server binds it soon after; startServer retries). */
export function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

/** `text` with `from` replaced by `to`, failing unless `from` occurs (exactly `times` times). */
function edit(text, from, to, times = 1) {
  const n = text.split(from).length - 1;
  assert.ok(times === "any" ? n > 0 : n === times, `the configuration should have ${JSON.stringify(from)} ${times} time(s), has ${n}`);
  return text.split(from).join(to);
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** The site configuration with the documented edits. */
async function siteConfig(kind, release, port, { frameAncestors, wrong } = {}) {
  const file = kind === "nginx" ? "nginx.conf" : "apache.conf";
  let text = await readFile(join(release.deploy, file), "utf8");
  text = edit(text, DOC_PREFIX, release.dir, "any");
  if (kind === "nginx") {
    text = edit(text, "    listen 80;", `    listen 127.0.0.1:${port};`);
    if (frameAncestors) text = edit(text, `set $fuzhu_frame_ancestors "'self'";`, `set $fuzhu_frame_ancestors "${frameAncestors}";`);
  } else {
    text = edit(text, "<VirtualHost *:80>", `<VirtualHost 127.0.0.1:${port}>`);
    if (frameAncestors) text = edit(text, `Define FUZHU_FRAME_ANCESTORS "'self'"`, `Define FUZHU_FRAME_ANCESTORS "${frameAncestors}"`);
  }
  if (wrong === "wasm-octet-stream") {
    // An old mime.types without wasm: .wasm falls to the default type.
    text =
      kind === "nginx"
        ? edit(text, "    location ~ ", '    location ~ "\\.wasm$" {\n        types { }\n        default_type application/octet-stream;\n    }\n    location ~ ', 1)
        : edit(text, "AddType application/wasm .wasm", "AddType application/octet-stream .wasm");
  }
  return text;
}

const NGINX_MAIN = (tmp, site) => `# Like Debian's /etc/nginx/nginx.conf, with every path in ${tmp}.
worker_processes 1;
daemon off;
pid ${tmp}/nginx.pid;
error_log ${tmp}/error.log warn;
${isRoot() ? "user www-data;\n" : ""}events { worker_connections 256; }
http {
    sendfile on;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log ${tmp}/access.log;
    client_body_temp_path ${tmp}/body;
    proxy_temp_path ${tmp}/proxy;
    fastcgi_temp_path ${tmp}/fastcgi;
    uwsgi_temp_path ${tmp}/uwsgi;
    scgi_temp_path ${tmp}/scgi;
    include ${site};
}
`;

// What Debian's apache2 has enabled by default, and `a2enmod headers deflate mime dir` adds.
const APACHE_MODULES = ["mpm_event", "authz_core", "authz_host", "filter", "deflate", "mime", "dir", "headers", "setenvif"];
async function apacheMain(tmp, site, port) {
  const lines = [
    `# Like Debian's /etc/apache2/apache2.conf, with every path in ${tmp}.`,
    `ServerRoot ${tmp}`,
    `DefaultRuntimeDir ${tmp}/run`,
    `PidFile ${tmp}/httpd.pid`,
    `Mutex file:${tmp}/run default`,
    `ErrorLog ${tmp}/error.log`,
    "LogLevel warn",
    `Listen 127.0.0.1:${port}`,
    "ServerName 127.0.0.1",
    "Timeout 60",
    "KeepAlive On",
    "AccessFileName .htaccess",
    '<FilesMatch "^\\.ht">\n    Require all denied\n</FilesMatch>',
    "<Directory />\n    Options FollowSymLinks\n    AllowOverride None\n    Require all denied\n</Directory>",
  ];
  if (isRoot()) lines.push("User www-data", "Group www-data");
  for (const mod of APACHE_MODULES) {
    lines.push(`Include /etc/apache2/mods-available/${mod}.load`);
    try {
      await readFile(`/etc/apache2/mods-available/${mod}.conf`);
      lines.push(`Include /etc/apache2/mods-available/${mod}.conf`);
    } catch {}
  }
  lines.push(`Include ${site}`, "");
  return lines.join("\n");
}

/**
 * Starts nginx or Apache in the foreground serving `release`; resolves once it answers.
 * @param {"nginx"|"apache"} kind
 * @param {{frameAncestors?: string, wrong?: string}} [options]
 */
export async function startServer(kind, release, options = {}) {
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(kind, release, options);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startOnce(kind, release, options) {
  const port = await freePort();
  const tmp = await mkdtemp(join(tmpdir(), `fuzhu-${kind}-`));
  await chmod(tmp, 0o755);
  await mkdir(join(tmp, "run"));
  const site = join(tmp, kind === "nginx" ? "fuzhu" : "fuzhu.conf");
  await writeFile(site, await siteConfig(kind, release, port, options));
  const main = join(tmp, kind === "nginx" ? "nginx.conf" : "httpd.conf");
  let child;
  if (kind === "nginx") {
    await writeFile(main, NGINX_MAIN(tmp, site));
    child = spawn("nginx", ["-e", join(tmp, "error.log"), "-p", tmp, "-c", main], { stdio: ["ignore", "pipe", "pipe"] });
  } else {
    await writeFile(main, await apacheMain(tmp, site, port));
    child = spawn("apache2", ["-DFOREGROUND", "-d", tmp, "-f", main], { stdio: ["ignore", "pipe", "pipe"] });
  }
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise((ok) => child.once("exit", (code, signal) => ok({ code, signal })));
  let gone = false;
  exited.then(() => (gone = true));
  const kill = () => !gone && child.kill("SIGKILL");
  process.once("exit", kill);

  const errorLog = async () => {
    try {
      return await readFile(join(tmp, "error.log"), "utf8");
    } catch {
      return "";
    }
  };
  const close = async () => {
    process.removeListener("exit", kill);
    if (!gone) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => !gone && child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(tmp, { recursive: true, force: true });
  };

  const origin = `http://127.0.0.1:${port}`;
  const until = Date.now() + 20_000;
  for (;;) {
    if (gone) {
      const why = `${kind} exited at start: ${output}${await errorLog()}`;
      await close();
      throw new Error(why);
    }
    try {
      const response = await fetch(`${origin}/index.html`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {}
    if (Date.now() > until) {
      const why = `${kind} did not answer on ${origin} within 20 s: ${output}${await errorLog()}`;
      await close();
      throw new Error(why);
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return { kind, origin, port, close, errorLog };
}

// A tiny static file server for dist/ (no dependencies). Binds to 127.0.0.1 only.
//
//   import { serveDir } from "./lib/server.mjs";
//   const server = await serveDir("../dist");   // random free port
//   server.origin  // "http://127.0.0.1:41234"
//   await server.close();
//
// Also runnable: `node e2e/lib/server.mjs [dir] [port]` (default dist/ and 8080).

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

/** Types sent gzipped to clients that accept it, as any real host would: the Lighthouse gate
 *  measures the transfer a phone would make. */
const COMPRESSIBLE = /^(text\/|application\/(wasm|json|manifest\+json)|image\/svg)/;
const gzipped = new Map();

/** `body` gzipped (level 9, as scripts/size-budget.mjs counts), cached per path and version. */
async function gzipOf(path, body) {
  const { mtimeMs, size } = await stat(path);
  const key = `${path}\0${mtimeMs}\0${size}`;
  if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 9 }));
  return gzipped.get(key);
}

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves `dir` on 127.0.0.1. Paths without a file extension that match no file fall back to
 * index.html (a single-page app's routes); everything else missing is a 404.
 * @param {string} dir
 * @param {{port?: number, log?: (line: string) => void}} [options]
 */
export async function serveDir(dir, { port = 0, log } = {}) {
  const root = resolve(dir);
  if (!(await isFile(join(root, "index.html")))) {
    throw new Error(`${root}/index.html not found: build first (make build)`);
  }
  const server = createServer(async (req, res) => {
    const finish = (status, body, headers = {}) => {
      res.writeHead(status, {
        "cache-control": "no-store",
        "content-type": "text/plain; charset=utf-8",
        ...headers,
      });
      res.end(req.method === "HEAD" ? undefined : body);
      log?.(`${status} ${req.method} ${req.url}`);
    };
    if (req.method !== "GET" && req.method !== "HEAD") {
      return finish(405, "method not allowed\n", { allow: "GET, HEAD" });
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    } catch {
      return finish(400, "bad request\n");
    }
    let path = normalize(join(root, pathname));
    if (path !== root && !path.startsWith(root + sep)) {
      return finish(403, "forbidden\n");
    }
    if (pathname.endsWith("/")) path = join(path, "index.html");
    if (!(await isFile(path))) {
      if (extname(pathname) !== "") return finish(404, "not found\n");
      path = join(root, "index.html");
    }
    let body = await readFile(path);
    const type = MIME_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
    const headers = { "content-type": type };
    if (COMPRESSIBLE.test(type)) {
      headers.vary = "accept-encoding";
      if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
        body = await gzipOf(path, body);
        headers["content-encoding"] = "gzip";
      }
    }
    finish(200, body, { ...headers, "content-length": body.length });
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", ok);
  });
  const { port: actual } = server.address();
  return {
    origin: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? join(fileURLToPath(new URL("../../dist", import.meta.url)));
  const port = Number(process.argv[3] ?? 8080);
  const server = await serveDir(dir, { port, log: (line) => console.log(line) });
  console.log(`serving ${resolve(dir)} at ${server.origin}/ (Ctrl-C stops)`);
}

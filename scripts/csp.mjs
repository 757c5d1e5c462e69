// Writes the Content-Security-Policy into a built index.html, as a <meta http-equiv> right
// after <meta charset> (a meta policy governs only what comes after it). Trunk writes an inline
// module script (the loader that imports the app's JS and starts the wasm), so the policy can
// only be made after the build: every inline <script> and <style> is allowed by its SHA-256,
// nothing else inline is.
//
//   node scripts/csp.mjs DIR     (scripts/post-build.mjs runs it on trunk's staging dir, before
//                                 the service worker's version is computed from the files)
//
// Running it again on the same file gives the same file: an existing policy is replaced.
// The page must stay embeddable by street offices, and frame-ancestors cannot be set by a
// meta tag anyway, so it is not set.
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** The inline bodies of `tag` (script or style) in `html`: those without a src attribute,
 *  outside HTML comments. */
function inline(html, tag) {
  const out = [];
  const re = new RegExp(`<!--[\\s\\S]*?-->|<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, "gi");
  for (const [whole, attrs, body] of html.matchAll(re)) {
    if (whole.startsWith("<!--")) continue;
    if (tag === "script" && /\bsrc\s*=/i.test(attrs)) continue;
    out.push(body);
  }
  return out;
}

/** Whether `html` carries `trunk serve`'s live-reload script, whose address trunk fills in
 *  as it serves each request (so no hash computed here can match it). */
export const isDevServe = (html) => inline(html, "script").some((js) => js.includes("{{__TRUNK_ADDRESS__}}"));

export function policy(html) {
  const scripts = [...new Set(inline(html, "script").map(sha256))];
  const styles = [...new Set(inline(html, "style").map(sha256))];
  // Under `trunk serve` (make serve) only: inline scripts by 'unsafe-inline' instead of by hash,
  // for the live-reload script. Styles stay as strict as in the release.
  const scriptSources = isDevServe(html) ? ["'unsafe-inline'"] : scripts;
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval': compiling the app's WebAssembly; nothing else may eval.
    `script-src 'self' 'wasm-unsafe-eval' ${scriptSources.join(" ")}`.trim(),
    // No style attributes: only the stylesheet, and the <noscript> rule by its hash.
    `style-src 'self' ${styles.join(" ")}`.trim(),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

const META = /[ \t]*<meta http-equiv="Content-Security-Policy"[^>]*>\n?/i;

export async function writePolicy(dir, page = "index.html") {
  const path = join(dir, page);
  let html = (await readFile(path, "utf8")).replace(META, "");
  const csp = policy(html);
  const charset = /<meta charset="utf-8"\s*\/?>\n?/i;
  if (!charset.test(html)) throw new Error(`${path}: no <meta charset="utf-8"> to put the policy after`);
  html = html.replace(charset, (m) => `${m}    <meta http-equiv="Content-Security-Policy" content="${csp}" />\n`);
  await writeFile(path, html);
  return csp;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [dir, page = "index.html"] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: node scripts/csp.mjs DIR [PAGE]   (PAGE: index.html unless given)");
    process.exit(2);
  }
  const csp = await writePolicy(dir, page);
  console.log(`csp (${page}): ${csp}`);
  if (csp.includes("'unsafe-inline'")) {
    console.log("csp: trunk serve's live-reload script is inline: scripts allowed inline in this build only");
  }
}

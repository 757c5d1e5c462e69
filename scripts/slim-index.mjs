// Makes a built index.html smaller without changing what it does: its HTML comments go, its
// inline stylesheet loses comments and spare whitespace, and its inline classic scripts lose
// their comment lines. Everything the first screen needs is inline in index.html (the size
// budget counts it, docs/quality.md), and the comments are for the source, not for phones.
// The results' stylesheet (results.css, which the loader links once the app is up) is slimmed
// the same way.
//
//   node scripts/slim-index.mjs DIR     (scripts/post-build.mjs runs it before scripts/csp.mjs,
//                                        which hashes the inline script and style as left here)
//
// Deliberately simple and safe rather than clever: no renaming, nothing inside a quoted CSS
// string or a JS line of code is touched (trunk's minifier breaks on wasm-bindgen's JS).
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** CSS without comments and spare whitespace; quoted strings are kept as they are. Comments
 *  and strings are found in one left-to-right pass, so that a quote inside a comment (the
 *  results' …) is not taken for a string, nor a comment's opening inside a string for one. */
export function slimCss(css) {
  return css
    .split(/(\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/)
    .map((part, i) => {
      if (i % 2 === 1) return part.startsWith("/*") ? " " : part; // a comment, or a string
      return part
        .replace(/[ \t\r\n]+/g, " ")
        .replace(/ ?([{};,>]) ?/g, "$1")
        .replace(/;}/g, "}")
        // A declaration's colon needs no space after it (a selector never has one: `a :hover`
        // keeps its space, which comes before the colon), nor a fraction its leading zero.
        .replace(/: /g, ":")
        .replace(/([\s:(,-])0\.(\d)/g, "$1.$2");
    })
    .join("")
    .trim();
}

/** A classic script without its comment-only lines and blank lines. */
export function slimScript(js) {
  const out = [];
  let inBlock = false;
  for (const line of js.split("\n")) {
    const t = line.trim();
    if (inBlock) {
      if (t.includes("*/")) {
        inBlock = false;
        if (!t.endsWith("*/")) return js; // code after a comment's end: leave the script alone
      }
      continue;
    }
    if (t.startsWith("/*")) {
      if (!t.includes("*/")) inBlock = true;
      else if (!t.endsWith("*/")) return js;
      continue;
    }
    if (t.startsWith("//") || t === "") continue;
    out.push(t);
  }
  return out.join("\n");
}

export function slimHtml(html) {
  return html.replace(
    /<!--[\s\S]*?-->|(<style\b[^>]*>)([\s\S]*?)(<\/style>)|(<script\b([^>]*)>)([\s\S]*?)(<\/script>)/gi,
    (whole, styleOpen, css, styleClose, scriptOpen, attrs, js, scriptClose) => {
      if (whole.startsWith("<!--")) return "";
      if (styleOpen) return styleOpen + slimCss(css) + styleClose;
      // Only classic inline scripts: the module loader is left exactly as Trunk.toml says it.
      if (/\btype\s*=/i.test(attrs) || /\bsrc\s*=/i.test(attrs)) return whole;
      return scriptOpen + slimScript(js) + scriptClose;
    },
  )
    .replace(/\n[ \t]*\n+/g, "\n")
    // A line's indentation before a tag: the newline left before it is the same whitespace to
    // the layout (scripts and styles are one line by now, and no <pre> or <textarea> here).
    .replace(/\n[ \t]+</g, "\n<");
}

/** Slims `page` in `dir` (and, for the family page, its later stylesheet results.css). */
export async function slimPage(dir, page = "index.html") {
  const path = join(dir, page);
  const before = await readFile(path, "utf8");
  const after = slimHtml(before);
  await writeFile(path, after);
  const said = [`slim-index: ${page} ${Buffer.byteLength(before)} -> ${Buffer.byteLength(after)} bytes`];
  // The family page's later stylesheet (styles/results.css, linked by the loader) likewise.
  if (page === "index.html") {
    const css = join(dir, "results.css");
    const text = await readFile(css, "utf8");
    const slim = slimCss(text) + "\n";
    await writeFile(css, slim);
    said.push(`slim-index: results.css ${Buffer.byteLength(text)} -> ${Buffer.byteLength(slim)} bytes`);
  }
  return said.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [dir, page = "index.html"] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: node scripts/slim-index.mjs DIR [PAGE]   (PAGE: index.html unless given)");
    process.exit(2);
  }
  console.log(await slimPage(dir, page));
}

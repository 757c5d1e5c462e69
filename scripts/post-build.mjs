// Trunk's post_build hook (Trunk.toml, Trunk.office.toml): everything done to a built page
// before trunk moves its staging directory to dist/, in order, in this one place. Each step is
// a function of its own module beside this file; the node tools it needs (terser) are the
// build's own package (scripts/package.json, installed by scripts/setup.sh), never the e2e
// tests'. The native command line (`fuzhu`) is run as the Makefile's native commands run it:
// rustup's cargo, none of the wasm variables of scripts/env.sh that trunk itself runs under.
//
//   trunk build --release                 (runs: node scripts/post-build.mjs)
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

import { writePolicy } from "./csp.mjs";
import { hashNames } from "./hash-names.mjs";
import { minifyGlue, minifyInline } from "./minify-js.mjs";
import { precache } from "./precache.mjs";
import { shortenImports } from "./short-imports.mjs";
import { slimPage } from "./slim-index.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const STAGE = process.env.TRUNK_STAGING_DIR;
if (!STAGE) {
  console.error("post-build.mjs is run by trunk (TRUNK_STAGING_DIR is not set)");
  process.exit(2);
}
const PAGE = basename(process.env.TRUNK_HTML_FILE ?? "index.html");
const say = (text) => {
  for (const line of text.split("\n")) console.log(`post-build: ${line}`);
};

/** The native command line, `fuzhu ARGS…`, run from the repository: its stdout when `capture`,
 *  else its output shown as it comes. Throws when it fails. */
function fuzhu(args, { capture = false } = {}) {
  const env = { ...process.env };
  for (const name of [
    "RUSTC_BOOTSTRAP",
    "CARGO_UNSTABLE_BUILD_STD",
    "CARGO_UNSTABLE_BUILD_STD_FEATURES",
    "CARGO_BUILD_RUSTFLAGS",
    "CARGO_TARGET_DIR",
    "CARGO_BUILD_TARGET",
    "RUSTUP_TOOLCHAIN",
  ]) {
    delete env[name];
  }
  env.PATH = `${process.env.CARGO_HOME ?? join(homedir(), ".cargo")}/bin:${env.PATH}`;
  return execFileSync("cargo", ["run", "--quiet", "--bin", "fuzhu", "--", ...args], {
    cwd: ROOT,
    env,
    stdio: ["ignore", capture ? "pipe" : "inherit", "inherit"],
    maxBuffer: 64 << 20,
  });
}

/** The steps that make a built page small and strict: the same for both pages. */
async function slimAndSeal(page) {
  // Bundle names with hashes of 16 digits, as the deploy configurations' cache rule wants (and,
  // for office.html, its worker script beside the bundle).
  for (const [from, to] of await hashNames(STAGE, page)) say(`hash-names: ${from} -> ${to}`);
  // The JS glue minified with terser.
  say(await minifyGlue(STAGE, page));
  // The wasm's imports given one- or two-letter names, in the wasm and the glue.
  say(await shortenImports(STAGE, page));
  // The page without comments or spare whitespace (and the family page's results.css).
  say(await slimPage(STAGE, page));
  // Its Content-Security-Policy, with the hashes of the inline script and style as left above.
  say(`csp (${page}): ${await writePolicy(STAGE, page)}`);
}

if (PAGE === "office.html") {
  // The office page (built first by `make build`, into target/office-dist): it waits there
  // until the family page's build below takes it into dist/.
  await slimAndSeal(PAGE);
  process.exit(0);
}

// 1. The office page joins the family page's build (trunk empties dist/ on each build).
const officeDist = process.env.FUZHU_OFFICE_DIST ?? join(ROOT, "target", "office-dist");
if (existsSync(join(officeDist, "office.html"))) {
  for (const file of readdirSync(officeDist)) {
    if (file === "office.html" || file.startsWith("fuzhu-office-")) copyFileSync(join(officeDist, file), join(STAGE, file));
  }
  say(`office.html and its bundle from ${officeDist}`);
} else {
  console.error(`post-build: no ${officeDist}/office.html: the office page is not in this build (make build makes it first)`);
}

// 2. policy.html, the text version for phones without JavaScript or WebAssembly, printed from
//    the same rules data the app uses.
writeFileSync(join(STAGE, "policy.html.part"), fuzhu(["static-page"], { capture: true }));
renameSync(join(STAGE, "policy.html.part"), join(STAGE, "policy.html"));
const items = (readFileSync(join(STAGE, "policy.html"), "utf8").match(/<article class="item"/g) ?? []).length;
say(`policy.html (${items} items)`);

// 3. The texts the web build carries as tags, each file named by its content: the English
//    (src/english.rs, en-<hash>.txt) and the results' Chinese (src/later.rs, later-<hash>.txt).
fuzhu(["text-tables", STAGE]);
for (const file of readdirSync(STAGE).filter((f) => /^(en|later)-.*\.txt$/.test(f)).sort()) {
  const lines = readFileSync(join(STAGE, file), "utf8").split("\n").length - 1;
  say(`${file} (${lines} texts)`);
}

// 4. The boot script (static/boot.js, inline) minified with terser: the first load counts it.
say(await minifyInline(STAGE, PAGE));

// 5. Names, glue, imports, slimming and the Content-Security-Policy (as for office.html).
await slimAndSeal(PAGE);

// 6. offices.json, the publishing site's office details, checked as the app checks them: a bad
//    file fails the build with one line per problem, naming the office and the field.
try {
  fuzhu(["offices", join(STAGE, "offices.json")]);
} catch {
  console.error("post-build: offices.json（static/offices.json）有误，见上 / offices.json has problems, listed above");
  process.exit(1);
}
say("offices.json checked");

// 7. sw.js's precache list and version, from every file of the release as it now is (last:
//    its version hashes every file as it will be served).
const { version, files } = await precache(STAGE);
say(`sw.js: version ${version}, ${files.length} files precached`);

// The adversarial probe's small files on the office page (issue 18), on the built dist/: each
// is generated here (bombs inflate past the limits, kept small on disk), chosen through the
// file input, and must get the reader's clear message in the page (role=alert), never the
// crash screen; the good file chosen after it is read in a worker. A worker that dies once it
// has a file (as when it runs out of memory) fails alone: the page says so, never reads the
// file on its own thread, and the next file gets a fresh worker.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { startApp } from "./lib/browser.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FIXTURES = join(ROOT, "tests", "register");
const DESKTOP = { viewport: { width: 1366, height: 768 }, isMobile: false, hasTouch: false };
const WORKER = /\/fuzhu-office-worker-[0-9a-f]{16}\.js$/;

let app;
let scratch;
before(async () => {
  app = await startApp();
  scratch = await mkdtemp(join(tmpdir(), "fuzhu-hostile-"));
});
after(async () => {
  await app?.close();
  await rm(scratch, { recursive: true, force: true });
});

/** A minimal .xlsx (Python's zipfile, deflated): the header row of register-utf8.csv, then
 *  `extra` inside <sheetData>; `sst` the shared strings part, `spaces` MiB of blanks. */
function xlsx(name, { extra = "", sst = null, spaces = 0 } = {}) {
  const path = join(scratch, name);
  const py = `
import sys, zipfile
path, extra, sst, spaces = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
head = open(sys.argv[5], encoding="utf-8").read().splitlines()[:2]
def col(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s
rows = "".join('<row r="%d">%s</row>' % (r + 1, "".join('<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (col(c), r + 1, v) for c, v in enumerate(line.split(",")) if v)) for r, line in enumerate(head))
M = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
    z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % R)
    z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>' % (M, R))
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="%s/sharedStrings" Target="sharedStrings.xml"/></Relationships>' % (R, R))
    if sst:
        z.writestr("xl/sharedStrings.xml", sst)
    with z.open("xl/worksheets/sheet1.xml", "w") as f:
        f.write(('<?xml version="1.0"?><worksheet xmlns="%s"><sheetData>' % M + rows + extra).encode())
        blank = b" " * (1 << 20)
        for _ in range(spaces):
            f.write(blank)
        f.write(b"</sheetData></worksheet>")
`;
  execFileSync("python3", ["-c", py, path, extra, sst ?? "", String(spaces), join(FIXTURES, "register-utf8.csv")]);
  return path;
}

/** register.xls (LibreOffice) with every entry of its first FAT sector pointing at itself. */
async function fatLoop() {
  const b = Buffer.from(await readFile(join(FIXTURES, "register.xls")));
  const at = (b.readUInt32LE(76) + 1) * 512;
  for (let k = 0; k < 128; k += 1) b.writeUInt32LE(k, at + 4 * k);
  const path = join(scratch, "fat-loop.xls");
  await writeFile(path, b);
  return path;
}

async function csv(name, text) {
  const path = join(scratch, name);
  await writeFile(path, text);
  return path;
}

async function openOffice() {
  const page = await app.newPage({ path: "/office.html", ...DESKTOP });
  await page.locator("#app .static-screen").waitFor({ state: "detached", timeout: 30_000 });
  await page.locator("#register-file").waitFor({ state: "attached" });
  return page;
}

async function choose(page, file) {
  await page.locator("#register-file").setInputFiles(file);
  await page
    .locator(".desk-file .loaded, .desk-error", { hasText: `“${basename(file)}”` })
    .first()
    .waitFor({ timeout: 60_000 });
}

const workerScripts = (page) => app.requests(page).filter((u) => WORKER.test(u)).length;

test("every small file of the probe gets its message in the page, and the next good file is read in a worker", async () => {
  const utf8 = await readFile(join(FIXTURES, "register-utf8.csv"), "utf8");
  const lines = utf8.split("\n");
  const files = [
    [xlsx("xfd.xlsx", { extra: '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>' }), /XFD1048576/],
    [xlsx("row4e9.xlsx", { extra: '<row r="4000000000"><c r="A4000000000" t="inlineStr"><is><t>x</t></is></c></row>' }), /1048576行/],
    [
      xlsx("sst-2e9.xlsx", {
        sst: '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="2000000000"><si><t>x</t></si></sst>',
      }),
      /共享字符串表声称有2000000000个字符串/,
    ],
    [
      xlsx("sst-2e64.xlsx", {
        sst: '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="18446744073709551615"><si><t>x</t></si></sst>',
      }),
      /共享字符串表声称有18446744073709551615个字符串/,
    ],
    [xlsx("whitespace.xlsx", { spaces: 64 }), /超过1MB的文字或标记/],
    [await csv("long-line.csv", `${utf8}${"x".repeat(2 << 20)}\n`), /CSV文件第\d+行超过1MB/],
    [await fatLoop(), /环/],
    [join(FIXTURES, "hostile-far-cell.xls"), /超过440万个单元格/],
    [await csv("quote.csv", [...lines.slice(0, 3), `"${lines[3]}`, ...lines.slice(4)].join("\n")), /第4行有一个双引号/],
    [await csv("100k-columns.csv", `${Array(100_000).fill("列").join(",")}\n`), /100000列/],
  ];
  const page = await openOffice();
  for (const [file, message] of files) {
    await choose(page, file);
    const alert = page.locator(".desk-error[role=alert]");
    assert.match(await alert.innerText(), message, basename(file));
    assert.equal(await page.locator(".panic-screen").count(), 0, `${basename(file)}: no crash screen`);
    // The good file after it: read in a (fresh) worker, every household listed.
    const before = workerScripts(page);
    await choose(page, join(FIXTURES, "register.xlsx"));
    assert.match(await page.locator(".desk-file .loaded").innerText(), /共12户/, `after ${basename(file)}`);
    assert.ok(workerScripts(page) >= before, "the worker script is still the one that reads");
  }
  await app.screenshot(page, "office-hostile-1366");
  app.assertSameOrigin(page);
  app.assertNoErrors(page);
  await page.context().close();
});

test("a worker that dies with the file fails alone: the page says why, never reads it itself, and the next file gets a fresh worker", async () => {
  const page = await app.newPage({ path: "/policy.css", ...DESKTOP });
  // A worker that says it is ready, then dies as one out of memory does, once given a file.
  await page.route(WORKER, (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/javascript",
      body: "let first = true; self.onmessage = () => { if (first) { first = false; self.postMessage(new Uint8Array([114])); return; } throw new RangeError('Out of memory'); };",
    }),
  );
  await page.goto(`${app.origin}/office.html`);
  await page.locator("#register-file").waitFor({ state: "attached", timeout: 30_000 });
  await choose(page, join(FIXTURES, "register.xlsx"));
  assert.match(await page.locator(".desk-error[role=alert]").innerText(), /读取它的后台任务中途停止了（内存不够）/);
  assert.equal(await page.locator("table.register").count(), 0, "the file was not read in the page instead");
  assert.equal(await page.locator(".panic-screen").count(), 0);
  // The real worker for the next file.
  await page.unroute(WORKER);
  const before = workerScripts(page);
  await choose(page, join(FIXTURES, "register-gbk.csv"));
  assert.match(await page.locator(".desk-file .loaded").innerText(), /共12户/);
  assert.ok(workerScripts(page) > before, "a fresh worker was started for it");
  await page.context().close();
});

test("a worker whose wasm traps as it runs out of memory (RuntimeError: unreachable) is reported as out of memory", async () => {
  const page = await app.newPage({ path: "/policy.css", ...DESKTOP });
  // wasm that cannot grow its memory aborts, and an abort is an `unreachable` trap.
  await page.route(WORKER, (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/javascript",
      body: "let first = true; self.onmessage = () => { if (first) { first = false; self.postMessage(new Uint8Array([114])); return; } throw new WebAssembly.RuntimeError('unreachable'); };",
    }),
  );
  await page.goto(`${app.origin}/office.html`);
  await page.locator("#register-file").waitFor({ state: "attached", timeout: 30_000 });
  await choose(page, join(FIXTURES, "register.xlsx"));
  const alert = await page.locator(".desk-error[role=alert]").innerText();
  assert.match(alert, /读取它的后台任务中途停止了（内存不够）/);
  assert.doesNotMatch(alert, /unreachable|出错：/);
  assert.equal(await page.locator("table.register").count(), 0, "the file was not read in the page instead");
  assert.equal(await page.locator(".panic-screen").count(), 0);
  await page.context().close();
});

test("one stray byte in a UTF-8 CSV leaves it UTF-8 in the page, its line named", async () => {
  const b = Buffer.from(await readFile(join(FIXTURES, "register-utf8.csv")));
  let line3 = -1;
  for (let i = 0, n = 0; i < b.length; i += 1) if (b[i] === 10 && ++n === 2) { line3 = i; break; }
  const path = join(scratch, "stray-ff.csv");
  await writeFile(path, Buffer.concat([b.subarray(0, line3 + 3), Buffer.from([0xff]), b.subarray(line3 + 3)]));
  const page = await openOffice();
  await choose(page, path);
  assert.match(await page.locator(".desk-file .loaded").innerText(), /共12户/);
  const notes = await page.locator("details.notices").innerText();
  assert.match(notes, /按UTF-8编码读取/);
  assert.match(notes, /CSV文件第3行有按UTF-8读不出来的字节/);
  assert.equal(await page.locator(".panic-screen").count(), 0);
  await page.context().close();
});

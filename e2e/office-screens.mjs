// The office page's yearly work as README and docs/register.md show it, written into docs/:
// `make build && node e2e/office-screens.mjs`. A made-up register of seven families (names
// and ID numbers invented, check digits correct); at 1366×768: the year's list with the
// office's details, in Chinese, in English, and in Chinese at the browser's 150% zoom (the
// office page has no 大字 switch of its own: a clerk who needs larger type zooms the page);
// and the printed sheets as printed (print-all's PDF, pages rendered by Ghostscript); the 花名册
// and the 公示 the page exports, as LibreOffice prints them (PDF, rendered by Ghostscript).

import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startApp } from "./lib/browser.mjs";

const DOCS = fileURLToPath(new URL("../docs", import.meta.url));

/** An 18-character ID number (GB 11643) from its area, birth day and sequence. */
function id(birth, seq, area = "410204") {
  const first = `${area}${birth}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first].reduce((s, c, k) => s + Number(c) * weights[k], 0);
  return first + "10X98765432"[sum % 11];
}

const HEAD =
  "编号,核查日期,社区,城乡,子女情况,残疾等级,残疾类别,再生育或收养,女方姓名,女方身份证号,女方开封户籍,男方姓名,男方身份证号,男方开封户籍,已领特别扶助金,联系电话";
const FAMILIES = [
  ["DY-001", "死亡", "", "", "张秀英", "19770715", "李建国", "19750505", ""],
  ["DY-002", "死亡", "", "", "王桂兰", "19700315", "赵国强", "19680912", "否"],
  ["DY-003", "死亡", "", "", "刘淑珍", "19650120", "陈志刚", "19630808", "是"],
  ["DY-004", "伤残", "二级", "智力", "杨丽华", "19771001", "周文明", "19760303", ""],
  ["DY-005", "死亡", "", "", "孙玉梅", "19780220", "吴建华", "19770611", ""],
  ["DY-006", "伤残", "三级", "肢体", "马凤英", "19600918", "何德胜", "19581124", "是"],
  ["DY-007", "死亡", "", "", "郭红霞", "19820315", "林海", "19800101", ""],
];
const REGISTER = [
  HEAD,
  ...FAMILIES.map(([no, child, grade, kind, mother, mb, father, fb, got], k) =>
    [no, "2026-03-01", "东苑社区", "城镇", child, grade, kind, "否", mother, id(mb, "022"), "是", father, id(fb, "011"), "是", got, `1380378${String(k + 1).padStart(4, "0")}`].join(","),
  ),
].join("\n");

const scratch = await mkdtemp(join(tmpdir(), "fuzhu-office-screens-"));
const file = join(scratch, "东苑社区台账.csv");
await writeFile(file, "\ufeff" + REGISTER + "\n");
const app = await startApp();

async function openOffice({ en = false, zoom = 1 } = {}) {
  // The browser's zoom: the same 1366×768 screen, CSS pixels zoom times larger.
  const viewport = { width: Math.round(1366 / zoom), height: Math.round(768 / zoom) };
  const page = await app.newPage({ path: "/office.html", viewport, deviceScaleFactor: zoom, isMobile: false, hasTouch: false });
  await page.locator("#app .static-screen").waitFor({ state: "detached", timeout: 30_000 });
  if (en) await page.locator(".lang-switch").click();
  await page.locator("#register-file").setInputFiles(file);
  await page.locator(".desk-file .loaded").waitFor({ timeout: 60_000 });
  await page.locator("#office-name").fill(en ? "Dongyuan Street Office, Gulou District" : "开封市鼓楼区东苑街道办事处");
  await page.locator("#office-phone").fill("0371-23456789");
  await page.locator("#yearly-year").fill("2026");
  return page;
}

/** The year's list and the table under it, filtered to the families to apply this year. */
async function yearly(name, options) {
  const page = await openOffice(options);
  await page.locator("button.filter").nth(1).waitFor();
  await page.locator("button.filter", { hasText: options.en ? "To apply for special support this year" : "今年需申报特别扶助" }).click();
  await page.locator("#yearly-title").evaluate((e) => e.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: join(DOCS, `${name}.png`) });
  return page;
}

await (await yearly("office-yearly-list", {})).context().close();
await (await yearly("office-yearly-list-zoom150", { zoom: 1.5 })).context().close();
await (await yearly("office-yearly-list-en", { en: true })).context().close();

// Print-all as printed: what the page hands the printer, alone on the page, in print media.
for (const en of [false, true]) {
  const page = await yearly("unused", { en });
  await page.evaluate(() => {
    window.print = () => {
      window.__sheets = document.querySelector("div.print-all").outerHTML;
    };
  });
  await page.locator("button.print-all").click();
  await page.waitForFunction(() => window.__sheets !== undefined);
  await page.evaluate(() => {
    document.body.innerHTML = `<div class="desk"><main class="app"><section class="screen desk-list">${window.__sheets}</section></main></div>`;
    document.documentElement.setAttribute("data-print-all", "");
  });
  await page.emulateMedia({ media: "print" });
  const pdf = join(scratch, "sheets.pdf");
  await page.pdf({ path: pdf, format: "A4", printBackground: true });
  // The cover list, and a household's first two pages.
  const pages = en ? [2] : [1, 2, 3];
  for (const n of pages) {
    const out = join(DOCS, `office-sheet${en ? "-en" : ""}-page${n}.png`);
    execFileSync("gs", ["-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=png16m", "-r70", "-dTextAlphaBits=4", "-dGraphicsAlphaBits=4", `-dFirstPage=${n}`, `-dLastPage=${n}`, `-sOutputFile=${out}`, pdf]);
  }
  await page.context().close();
}
await rm(join(DOCS, "unused.png"), { force: true });

// The 花名册 and the 公示 as the page exports them, printed as LibreOffice prints the .xlsx
// (A4 landscape, one page wide: its PDF, page 1 drawn by Ghostscript).
{
  const page = await yearly("unused", {});
  for (const [button, name] of [["button.export-roster", "office-roster"], ["button.export-public", "office-public"]]) {
    const [d] = await Promise.all([page.waitForEvent("download"), page.locator(button).click()]);
    const xlsx = join(scratch, `${name}.xlsx`);
    await d.saveAs(xlsx);
    execFileSync("soffice", [`-env:UserInstallation=file://${scratch}/lo`, "--headless", "--convert-to", "pdf", "--outdir", scratch, xlsx], { stdio: "ignore" });
    execFileSync("gs", ["-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=png16m", "-r80", "-dTextAlphaBits=4", "-dGraphicsAlphaBits=4", "-dFirstPage=1", "-dLastPage=1", `-sOutputFile=${join(DOCS, `${name}.png`)}`, join(scratch, `${name}.pdf`)]);
  }
  await page.context().close();
}
await rm(join(DOCS, "unused.png"), { force: true });

await app.close();
await rm(scratch, { recursive: true, force: true });
console.log("office-screens: docs/office-yearly-list{,-zoom150,-en}.png, docs/office-sheet-page{1,2,3}.png, docs/office-sheet-en-page2.png, docs/office-{roster,public}.png");

// Renders static/icons/*.svg to the PNG sizes the web app manifest and iOS want, with the
// machine's Chromium (no download, no image tools). Run after changing an icon, then commit
// the PNGs:   node scripts/make-icons.mjs      (from the repository root; needs e2e/node_modules)
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(root + "e2e/package.json");
const { chromium } = require("playwright-core");

const jobs = [
  ["icon.svg", "icon-192.png", 192],
  ["icon.svg", "icon-512.png", 512],
  ["icon-maskable.svg", "icon-maskable-512.png", 512],
  ["icon-maskable.svg", "apple-touch-icon.png", 180],
];

const browser = await chromium.launch({
  executablePath: process.env.FUZHU_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  for (const [svg, png, size] of jobs) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const text = await readFile(`${root}static/icons/${svg}`, "utf8");
    const data = Buffer.from(text).toString("base64");
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="data:image/svg+xml;base64,${data}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.locator("img").evaluate((img) => img.decode());
    await page.screenshot({ path: `${root}static/icons/${png}`, omitBackground: true });
    await page.close();
    console.log(`static/icons/${png} (${size}×${size})`);
  }
} finally {
  await browser.close();
}

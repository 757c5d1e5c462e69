// Screenshots of the questions issues 19.8 and 20.7 added, at 360×640 in normal and large
// text, Chinese and English, to look at by eye: the top bar with 下一位, one parent's own other
// child, the month's 记不清 (refused at 60, taken at 78), two counties and each parent's, the
// summary, and the results' first card and the line on a birth given as a year.
// `make build && node e2e/screens-round3.mjs` writes e2e/screenshots/round3-*.png.
import { startApp } from "./lib/browser.mjs";
import { waitForApp } from "./lib/flow.mjs";

const app = await startApp();
const next = (page) => page.locator("button[type=submit]").click();
for (const lang of ["zh", "en"]) {
  for (const large of [false, true]) {
    const tag = `${lang}-${large ? "large" : "normal"}`;
    const page = await app.newPage();
    await waitForApp(page);
    if (large) await page.locator(".large-toggle").click();
    if (lang === "en") {
      await page.locator(".lang-switch").click();
      await page.waitForFunction(() => document.documentElement.lang === "en");
    }
    await page.locator(".who input[value='1']").check();
    await page.locator(".welcome button.primary").click();
    await page.locator(".screen.question").waitFor();
    await app.screenshot(page, `round3-topbar-${tag}`);
    await page.locator("label.card").first().click();
    await next(page);
    await page.locator(".screen.question label.card").nth(3).waitFor();
    await page.locator(".screen.question label.card").nth(3).click();
    await app.screenshot(page, `round3-other-child-${tag}`);
    await page.locator(".screen.question label.card").nth(3).scrollIntoViewIfNeeded();
    await app.screenshot(page, `round3-other-child-${tag}-2`);
    await next(page);
    await page.locator(".screen.question label.card").first().click(); // both living
    await next(page);
    const sel = page.locator(".date-picker select");
    await sel.nth(0).waitFor();
    await sel.nth(0).selectOption("1966");
    await sel.nth(1).selectOption("0");
    await next(page);
    await page.locator(".error").first().waitFor();
    await page.locator(".error").first().scrollIntoViewIfNeeded();
    await app.screenshot(page, `round3-month-refused-${tag}`);
    await sel.nth(0).selectOption("1948");
    await page.locator(".date-picker").scrollIntoViewIfNeeded();
    await app.screenshot(page, `round3-month-not-sure-${tag}`);
    const title = await page.locator("#screen-title").innerText();
    await next(page);
    await page.waitForFunction((t) => document.querySelector("#screen-title")?.innerText !== t, title);
    const s2 = page.locator(".date-picker select");
    await s2.nth(0).selectOption("1946");
    await s2.nth(1).selectOption("0");
    await next(page);
    // On to the results with the first choice of everything.
    for (let i = 0; i < 20; i++) {
      await page.locator(".screen.question, .screen.summary, .screen.results").first().waitFor();
      if (await page.locator(".screen.results").count()) break;
      if (await page.locator(".screen.summary").count()) {
        await app.screenshot(page, `round3-summary-${tag}`, { fullPage: true });
        await page.locator(".screen.summary button.primary").click();
        continue;
      }
      const t = await page.locator("#screen-title").innerText();
      if (/户籍在开封市哪个县|Which county or district of Kaifeng/.test(t)) {
        await page.locator(".screen.question label.card").last().click();
        await page.locator(".screen.question label.card").last().scrollIntoViewIfNeeded();
        await app.screenshot(page, `round3-area-differ-${tag}`);
      }
      if (/各在哪个县|each one registered/.test(t)) {
        await app.screenshot(page, `round3-parent-areas-${tag}`);
        const sets = page.locator("fieldset.sub");
        await sets.nth(0).locator("label.card").first().click();
        await sets.nth(1).locator("label.card", { hasText: /杞县|Qixian|Qi County/ }).first().click();
        await sets.nth(1).locator("label.card", { hasText: /杞县|Qixian|Qi County/ }).first().scrollIntoViewIfNeeded();
        await app.screenshot(page, `round3-parent-areas-${tag}-2`);
      }
      for (const group of await page.locator(".screen.question .cards:has(input[type=radio])").all()) {
        if ((await group.locator("input:checked").count()) === 0) await group.locator("label.card").first().click();
      }
      for (const input of await page.locator(".number-box input").all()) await input.fill("0");
      await next(page);
      await page.waitForFunction((t) => document.querySelector("#screen-title")?.innerText !== t || document.querySelector(".screen.results, .screen.summary"), t);
    }
    await page.locator(".screen.results").waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot(page, `round3-results-top-${tag}`);
    console.log(tag, "go first:", await page.locator(".first-card .contact").innerText());
    await page.locator("footer.meta").scrollIntoViewIfNeeded();
    await app.screenshot(page, `round3-results-footer-${tag}`);
    console.log(tag, (await page.locator("footer.meta .assumed").allInnerTexts()).join(" | "));
    await page.context().close();
  }
}
await app.close();

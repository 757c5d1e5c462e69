// Phones first: on every screen of a whole flow at 360×640, nothing scrolls sideways and every
// control is at least 44 px high; the same again with text at 200%; and the flow can be done
// with the keyboard alone. Needs `make build` first (make test-e2e).

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startApp } from "./lib/browser.mjs";
import { waitForApp } from "./lib/flow.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** What on this screen breaks the phone layout: sideways scroll, or small touch targets. */
async function layoutProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth) {
      problems.push(`scrolls sideways: ${doc.scrollWidth}px wide in ${window.innerWidth}px`);
    }
    const controls = document.querySelectorAll(
      "#app button, #app select, #app .number-box input, #app label.card, #app summary, #app a",
    );
    for (const el of controls) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not shown (closed, print-only)
      if (getComputedStyle(el).visibility === "hidden") continue;
      if (box.height < 44) {
        problems.push(`${el.tagName.toLowerCase()} “${el.innerText.trim().slice(0, 20)}” is ${box.height.toFixed(0)}px high`);
      }
      if (box.right > window.innerWidth + 0.5) {
        problems.push(`${el.tagName.toLowerCase()} “${el.innerText.trim().slice(0, 20)}” runs off the right edge`);
      }
    }
    return problems;
  });
}

/** Walks welcome → results with the first choice everywhere, checking each screen. */
async function walkChecking(page, label) {
  const seen = [];
  const check = async () => {
    const title = (await page.locator("#app h1").first().innerText()).trim();
    seen.push(title);
    const problems = await layoutProblems(page);
    assert.deepEqual(problems, [], `${label}: on “${title}”`);
  };
  await check();
  await page.locator(".screen.welcome button.primary").click();
  for (let step = 0; step < 40; step++) {
    await page.locator(".screen.question, .screen.summary, .screen.results").first().waitFor();
    await check();
    if (await page.locator(".screen.results").count()) break;
    if (await page.locator(".screen.summary").count()) {
      await page.locator(".screen.summary button.primary").click();
      continue;
    }
    const screen = page.locator(".screen.question");
    for (const group of await screen.locator(".cards:has(input[type=radio])").all()) {
      if ((await group.locator("input:checked").count()) === 0) await group.locator("label.card").first().click();
    }
    const selects = screen.locator(".date-picker select");
    if (await selects.count()) {
      for (const [i, v] of ["1962", "4", "18"].entries()) await selects.nth(i).selectOption(v);
    }
    for (const input of await screen.locator(".number-box input").all()) await input.fill("5");
    const title = (await page.locator("#screen-title").innerText()).trim();
    await screen.locator("button[type=submit]").click();
    await page.waitForFunction(
      (t) => document.querySelector("#screen-title")?.innerText.trim() !== t || document.querySelector(".screen.summary, .screen.results"),
      title,
    );
  }
  // Open every folded section of the results and check again.
  for (const summary of await page.locator(".screen.results details > summary").all()) await summary.click();
  await check();
  return seen;
}

test("every screen fits a 360 px phone with 44 px touch targets", async () => {
  const page = await app.newPage();
  await waitForApp(page);
  const seen = await walkChecking(page, "360×640");
  assert.ok(seen.length >= 12, `only ${seen.length} screens seen`);
  app.assertNoErrors(page);
  await page.context().close();
});

test("every screen still fits with text at 200%", async () => {
  const page = await app.newPage();
  await waitForApp(page);
  // Text zoom as the browser's setting does it: the root font size doubles, layout reflows.
  // (Set through the CSSOM: the page's CSP rightly refuses an injected <style>.)
  await page.evaluate(() => document.documentElement.style.setProperty("font-size", "200%", "important"));
  await walkChecking(page, "200% text");
  await app.screenshot(page, "results-200pct-text");
  app.assertNoErrors(page);
  await page.context().close();
});

test("the whole flow can be done with the keyboard alone", async () => {
  const page = await app.newPage();
  await waitForApp(page);
  // Focus lands on each new screen's heading, so Tab starts from the question.
  await page.keyboard.press("Tab");
  let guard = 0;
  while (!(await page.evaluate(() => document.activeElement?.matches(".welcome button.primary"))) && guard++ < 20) {
    await page.keyboard.press("Tab");
  }
  await page.keyboard.press("Enter");
  for (let step = 0; step < 40; step++) {
    await page.locator(".screen.question, .screen.summary, .screen.results").first().waitFor();
    if (await page.locator(".screen.results").count()) break;
    const focused = await page.evaluate(() => document.activeElement?.id);
    if (await page.locator(".screen.summary").count()) {
      await page.locator(".screen.summary button.primary").focus();
      await page.keyboard.press("Enter");
      continue;
    }
    assert.equal(focused, "screen-title", "focus is not on the new question's heading");
    const title = (await page.locator("#screen-title").innerText()).trim();
    // Tab past the read-aloud button to the first answer control; choose with Space (radio)
    // or the arrow keys (select).
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.matches(".question-set input, .question-set select"))) break;
    }
    const kind = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.tagName === "SELECT" ? "select" : el?.type ?? el?.tagName;
    });
    if (kind === "radio") {
      // Space picks the focused radio of each group; Tab moves on to the next group.
      const groups = await page.locator(".screen.question .cards:has(input[type=radio])").count();
      for (let g = 0; g < groups; g++) {
        await page.keyboard.press("Space");
        if (g + 1 < groups) await page.keyboard.press("Tab");
      }
    } else if (kind === "select") {
      // Typing picks the option, as on a desktop keyboard: year, month, day.
      for (const [i, text] of ["1962", "4", "18"].entries()) {
        await page.keyboard.type(text);
        if (i < 2) await page.keyboard.press("Tab");
      }
    } else if (kind === "number") {
      await page.keyboard.type("3");
    }
    // Then Tab on to Next and press Enter.
    for (let i = 0; i < 12; i++) {
      if (await page.evaluate(() => document.activeElement?.matches("button[type=submit]"))) break;
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      (t) => document.querySelector("#screen-title")?.innerText.trim() !== t || document.querySelector(".screen.summary, .screen.results"),
      title,
    );
  }
  assert.equal(await page.locator(".screen.results").count(), 1, "the keyboard did not reach the results");
  // Results are headings and lists, for screen readers.
  assert.ok((await page.locator(".screen.results h2").count()) >= 3);
  assert.ok((await page.locator(".screen.results ul.items > li > article > h3").count()) >= 5);
  app.assertNoErrors(page);
  await page.context().close();
});

/** Where the screen's main button and its bar are, and whether the bar covers the last line. */
async function reach(page, button) {
  return page.evaluate((sel) => {
    const box = (el) => el && el.getBoundingClientRect();
    const b = box(document.querySelector(sel));
    const back = box(document.querySelector(".question .actions > .secondary"));
    const inView = (r) => !!r && r.top >= 0 && r.bottom <= window.innerHeight + 0.5 && r.height > 0;
    return { next: inView(b), back: back ? inView(back) : true, bottom: b && Math.round(b.bottom) };
  }, button);
}

/** Scrolled to the end, the bar's top is below the form's last line: it covers nothing. */
async function barCoversNothing(page) {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  return page.evaluate(() => {
    const bar = document.querySelector(".screen .actions");
    const prev = bar?.previousElementSibling;
    if (!bar || !prev) return true;
    return prev.getBoundingClientRect().bottom <= bar.getBoundingClientRect().top + 0.5;
  });
}

for (const lang of ["zh", "en"]) {
  for (const large of [false, true]) {
    test(`Next is on screen on every question at 360×640 (${lang}, ${large ? "大字" : "normal text"})`, async () => {
      const page = await app.newPage();
      await waitForApp(page);
      if (large) await page.locator(".large-toggle").click();
      if (lang === "en") await page.locator(".lang-switch").click();
      const label = `${lang} ${large ? "large" : "normal"}`;
      let r = await reach(page, ".welcome button.primary");
      assert.ok(r.next, `${label}: Start is below the fold (bottom at ${r.bottom}px)`);
      await page.locator(".welcome button.primary").click();
      let questions = 0;
      for (let step = 0; step < 40; step++) {
        await page.locator(".screen.question, .screen.summary, .screen.results").first().waitFor();
        if (await page.locator(".screen.results").count()) break;
        if (await page.locator(".screen.summary").count()) {
          r = await reach(page, ".summary button.primary");
          assert.ok(r.next, `${label}: See the results is off screen`);
          await page.locator(".screen.summary button.primary").click();
          continue;
        }
        const title = (await page.locator("#screen-title").innerText()).trim();
        r = await reach(page, ".question button[type=submit]");
        assert.ok(r.next, `${label}: Next is off screen on “${title}” (bottom at ${r.bottom}px)`);
        assert.ok(r.back, `${label}: Back is off screen on “${title}”`);
        assert.ok(await barCoversNothing(page), `${label}: the bar covers the end of “${title}”`);
        r = await reach(page, ".question button[type=submit]");
        assert.ok(r.next, `${label}: Next is off screen at the end of “${title}”`);
        questions += 1;
        const screen = page.locator(".screen.question");
        for (const group of await screen.locator(".cards:has(input[type=radio])").all()) {
          if ((await group.locator("input:checked").count()) === 0) await group.locator("label.card").first().click();
        }
        const selects = screen.locator(".date-picker select");
        if (await selects.count()) {
          for (const [i, v] of ["1960", "5", "20"].entries()) await selects.nth(i).selectOption(v);
        }
        for (const input of await screen.locator(".number-box input").all()) await input.fill("12");
        // Answering scrolls nothing away: Next is still there after a choice near the end.
        r = await reach(page, ".question button[type=submit]");
        assert.ok(r.next, `${label}: Next is off screen after answering “${title}”`);
        await screen.locator("button[type=submit]").click();
        await page.waitForFunction(
          (t) => document.querySelector("#screen-title")?.innerText.trim() !== t || document.querySelector(".screen.summary, .screen.results"),
          title,
        );
      }
      assert.ok(questions >= 12, `${label}: only ${questions} questions walked`);
      app.assertNoErrors(page);
      await page.context().close();
    });
  }
}

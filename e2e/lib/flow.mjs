// Driving the questionnaire in e2e tests, whatever the order of its questions:
//
//   await waitForApp(page);                      // the wasm app replaced the static screen
//   await walkToResults(page);                   // from the welcome screen to the results
//
// walkToResults answers each question on the screen it finds: the first choice of every
// radio group (child died, no other child, both parents living, both Kaifeng, 龙亭区, town,
// resident schemes, at home…), the given birth dates (the child's in 1988), the given hospital days, and no tick
// boxes. That makes a bereaved couple over sixty for whom many items apply, at several places.

import assert from "node:assert/strict";

/** Waits until the wasm app has replaced index.html's static first screen. */
export async function waitForApp(page, { timeout = 30_000 } = {}) {
  await page.locator("#app .static-screen").waitFor({ state: "detached", timeout });
  await page.locator("#app h1").first().waitFor({ timeout });
}

/**
 * From the welcome screen (or any question) to the results screen.
 * @param {import("playwright-core").Page} page
 */
export async function walkToResults(
  page,
  { mother = [1960, 5, 20], father = [1958, 8, 1], child = [1988, 3, 1], days = "12", maxSteps = 40 } = {},
) {
  const welcome = page.locator(".screen.welcome button.primary");
  if (await welcome.count()) await welcome.click();
  for (let step = 0; step < maxSteps; step += 1) {
    // The results, or the results waiting for their Chinese (src/later.rs) when it is slow or
    // cannot be had.
    await page.locator(".screen.question, .screen.summary, .screen.results, .screen.preparing").first().waitFor();
    if (await page.locator(".screen.results, .screen.preparing").count()) return;
    if (await page.locator(".screen.summary").count()) {
      await page.locator(".screen.summary button.primary").click();
      continue;
    }
    const title = (await page.locator("#screen-title").innerText()).trim();
    const screen = page.locator(".screen.question");
    // Radio groups: the first choice of each, unless one is already chosen.
    for (const group of await screen.locator(".cards:has(input[type=radio])").all()) {
      if ((await group.locator("input:checked").count()) === 0) {
        await group.locator("label.card").first().click();
      }
    }
    // A date: the father's or the mother's when the title names them, else the child's if it
    // names the child, otherwise the mother's
    // (a child born when the parents were in their late twenties: births a parent could not
    // have given are refused, RULINGS "Round 3").
    const selects = screen.locator(".date-picker select");
    if (await selects.count()) {
      const [y, m, d] = /父亲|father/i.test(title)
        ? father
        : /母亲|mother/i.test(title)
          ? mother
          : /孩子|子女|child/i.test(title)
            ? child
            : mother;
      await selects.nth(0).selectOption(String(y));
      await selects.nth(1).selectOption(String(m));
      await selects.nth(2).selectOption(String(d));
    }
    for (const input of await screen.locator(".number-box input").all()) {
      await input.fill(days);
    }
    await screen.locator("button[type=submit]").click();
    await page
      .waitForFunction(
        (before) => {
          const h1 = document.querySelector("#screen-title");
          return !h1 || h1.innerText.trim() !== before || document.querySelector(".screen.results, .screen.summary");
        },
        title,
        { timeout: 10_000 },
      )
      .catch(async (e) => {
        const said = await page.locator(".error").allInnerTexts();
        throw new Error(`walkToResults: stuck on “${title}”${said.length ? `: ${said.join(" ")}` : ""}`, { cause: e });
      });
  }
  throw new Error(`no results after ${maxSteps} screens`);
}

export const card = (page, text) => page.locator("label.card", { hasText: text }).first();

/** Picks a date; the day is a number or the day list's own words, such as 记不清. */
export async function date(page, [y, m, d]) {
  const selects = page.locator(".date-picker select");
  await selects.nth(0).selectOption(String(y));
  await selects.nth(1).selectOption(String(m));
  await selects.nth(2).selectOption(typeof d === "number" ? String(d) : { label: d });
}

/** Clicks the first option for every parent on a per-parent screen. */
export async function firstForEachParent(page) {
  const sets = page.locator("fieldset.sub");
  for (let i = 0; i < (await sets.count()); i++) {
    await sets.nth(i).locator("label.card").first().click();
  }
}

/**
 * Answers whatever question is on screen, by its title, until the summary appears. `answers`
 * maps a distinctive part of a question's title to what to do; a question without an entry
 * fails the test, so a new question cannot slip through unanswered.
 */
export async function answerAll(page, answers) {
  const asked = [];
  for (let step = 0; step < 30; step++) {
    if (await page.locator(".screen.summary").count()) return asked;
    const title = (await page.locator("#app h1").innerText()).trim();
    const key = Object.keys(answers).find((k) => title.includes(k));
    assert.ok(key, `no answer for the question “${title}”`);
    asked.push(key);
    await answers[key](page);
    await page.locator("button[type=submit]").click();
    // The next screen, or a message saying why the answer was not taken: whichever comes.
    await page.waitForFunction(
      (before) =>
        document.querySelector("#app h1")?.innerText.trim() !== before ||
        document.querySelector("#app .error")?.innerText.trim(),
      title,
    );
    // allInnerTexts does not wait: the summary has no message line at all.
    const errors = (await page.locator(".error").allInnerTexts()).filter((t) => t.trim());
    assert.deepEqual(errors, [], `the answer to “${title}” was not taken`);
  }
  assert.fail("the questions never ended");
}

export async function start(page) {
  await page.locator(".welcome button.primary").click();
  await page.locator(".screen.question").waitFor();
}

export async function results(page) {
  await page.getByRole("button", { name: "查看结果" }).click();
  await page.locator(".screen.results").waitFor();
}

export const nothing = async () => {};

// The words families use, and 朗读 saying what it does (issue 12, points 8 and 11), on a
// 360×640 phone in Chinese and in English, in normal and 大字 text, axe clean throughout:
//
// * the insurance choices by their everyday names (原新农合, 新农保/城居保, 单位交的/领退休工资)
//   next to 没有参加，或不清楚;
// * 住养老机构，不清楚是哪种 on the care-setting screen, and its result: care-home priority
//   to be confirmed, with both fee rules and where to confirm the home's kind;
// * the parents' year list opening at 1969 with nothing chosen;
// * 生活不能自理 offered for each parent where the results read it;
// * 朗读: 正在朗读 / 停止 while it reads, 朗读 again when the reading ends, is stopped or
//   another starts; and a plain sentence where the phone has no voice for the language.
//
// Speech is a fake `speechSynthesis` injected before the page's scripts (page.addInitScript):
// it lists the voices it is given (or none until told to load them, as phones do), records
// what it is asked to say, and ends a reading when the test says so. Needs `make build`.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startApp } from "./lib/browser.mjs";
import { axeClean } from "./lib/axe.mjs";
import { waitForApp } from "./lib/flow.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** Runs in the page before its scripts: a speech engine that speaks nothing aloud. */
function fakeSpeech({ voices }) {
  const voice = (lang) => ({ lang, name: `fake ${lang}`, voiceURI: lang, localService: true, default: false });
  let list = (voices ?? []).map(voice);
  const queue = [];
  const cancelled = [];
  class Utterance extends EventTarget {
    constructor(text) {
      super();
      Object.assign(this, { text, lang: "", rate: 1, voice: null, onend: null, onerror: null });
    }
  }
  const fire = (u, type, error) => {
    const e = new Event(type);
    if (error) Object.defineProperty(e, "error", { value: error });
    u[`on${type}`]?.(e);
  };
  const synth = {
    onvoiceschanged: null,
    getVoices: () => list.slice(),
    speak(u) {
      queue.push(u);
    },
    cancel() {
      // As browsers do: what was queued or speaking ends with an "interrupted" error, later.
      for (const u of queue.splice(0)) {
        cancelled.push(u.text);
        setTimeout(() => fire(u, "error", "interrupted"), 0);
      }
    },
    pause() {},
    resume() {},
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: Utterance, configurable: true });
  window.__speech = {
    speaking: () => queue.map((u) => ({ text: u.text, lang: u.lang })),
    cancelled: () => cancelled.length,
    /** The reading in progress comes to its end. */
    end() {
      const u = queue.shift();
      if (u) fire(u, "end");
    },
    /** The voices arrive, as they do a moment after the page on many phones. */
    load(langs) {
      list = langs.map(voice);
      synth.onvoiceschanged?.(new Event("voiceschanged"));
    },
  };
}

async function open({ lang, large, voices }) {
  const page = await app.newPage({ locale: lang === "en" ? "en" : "zh-CN" });
  await page.addInitScript(fakeSpeech, { voices });
  await page.reload();
  await waitForApp(page);
  if (lang === "en") {
    await page.locator(".lang-switch").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
  }
  if (large) await page.locator(".large-toggle").click();
  return page;
}

/** Nothing scrolls sideways; every button and card is at least 44 px high and on screen. */
async function fits(page, what) {
  const problems = await page.evaluate(() => {
    const out = [];
    if (document.documentElement.scrollWidth > window.innerWidth) out.push(`${document.documentElement.scrollWidth}px wide`);
    for (const el of document.querySelectorAll("#app button, #app label.card, #app select")) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.height < 44) out.push(`“${el.innerText.trim().slice(0, 20)}” is ${box.height.toFixed(0)}px high`);
      if (box.right > window.innerWidth + 0.5) out.push(`“${el.innerText.trim().slice(0, 20)}” runs off the edge`);
    }
    return out;
  });
  assert.deepEqual(problems, [], what);
}

const W = {
  zh: {
    read: "朗读",
    stop: "停止",
    stopLabel: "停止朗读",
    now: "正在朗读",
    noVoice: "这部手机没有中文朗读语音",
    pension: ["城乡居民养老保险（新农保、城居保）", "职工养老保险（单位交的，或领退休工资）", "没有参加，或不清楚"],
    medical: ["城乡居民医保（原新农合）", "职工医保（单位交的，或领退休工资）", "没有参加，或不清楚"],
    careUnknown: "住养老机构，不清楚是哪种",
    atHome: "在家里",
    noSelfCare: "生活不能自理",
    check: "需要核实",
    confirmKind: "请向县（区）民政局核实所住机构的类型",
    fees: ["公办养老机构的免除床位费", "公建民营养老机构的按成本价收费"],
    seeResults: "查看结果",
  },
  en: {
    read: "Read aloud",
    stop: "Stop",
    stopLabel: "Stop reading aloud",
    now: "Reading aloud",
    noVoice: "This phone has no English voice",
    pension: [
      "Resident pension scheme (the old rural or urban residents' scheme)",
      "Employee pension scheme (paid through an employer, or drawing a retirement pension)",
      "None, or not sure",
    ],
    medical: [
      "Resident medical insurance (formerly the rural co-operative scheme)",
      "Employee medical insurance (paid through an employer, or drawing a retirement pension)",
      "None, or not sure",
    ],
    careUnknown: "In a care home, not sure which kind",
    atHome: "At home",
    noSelfCare: "Cannot look after themselves",
    check: "To be confirmed",
    confirmKind: "Confirm the home's kind with the county civil affairs bureau",
    fees: ["no bed fee in a public home", "cost price in a publicly built, privately run one"],
    seeResults: "See the results",
  },
};

const button = (page, scope) => page.locator(`${scope} .read-aloud`).first();
const text = async (locator) => (await locator.innerText()).trim();

/** The question's 朗读 button reads, says so, and is itself again when the reading ends. */
async function readsAndEnds(page, w, scope, what) {
  const b = button(page, scope);
  assert.equal(await text(b), w.read, `${what}: 朗读 before`);
  await b.click();
  await page.locator(`${scope} .read-aloud.reading`).first().waitFor();
  assert.equal(await text(b), w.stop, `${what}: 停止 while reading`);
  assert.equal(await b.getAttribute("aria-label"), w.stopLabel);
  assert.equal(await text(page.locator(`${scope} .reading-now`).first()), w.now);
  const said = await page.evaluate(() => window.__speech.speaking());
  assert.equal(said.length, 1, `${what}: one reading`);
  assert.equal(said[0].lang, w === W.en ? "en" : "zh-CN");
  await fits(page, `${what} while reading`);
  await axeClean(page, `${what} while reading`);
  await page.evaluate(() => window.__speech.end());
  await page.locator(`${scope} .read-aloud.reading`).waitFor({ state: "detached" });
  assert.equal(await text(b), w.read, `${what}: 朗读 again after the end`);
  assert.equal(await page.locator(`${scope} .reading-now`).count(), 0);
}

/** Answers the screen on show: the first choice of each radio group unless `pick` says. */
async function answer(page, pick = {}) {
  const screen = page.locator(".screen.question");
  for (const [label, choose] of Object.entries(pick)) await choose(screen, label);
  for (const group of await screen.locator(".cards:has(input[type=radio])").all()) {
    if ((await group.locator("input:checked").count()) === 0) await group.locator("label.card").first().click();
  }
}

for (const lang of ["zh", "en"]) {
  for (const large of [false, true]) {
    const label = `${lang}, ${large ? "大字" : "normal text"}`;
    test(`the everyday names, the care home of unknown kind, the 1960s year list and 朗读 while it reads (${label})`, async () => {
      const w = W[lang];
      const page = await open({ lang, large, voices: ["en-US", "zh-CN", "zh-TW"] });
      await page.locator(".welcome button.primary").click();
      await page.locator(".screen.question").waitFor();
      await button(page, ".question").click();
      await page.locator(".question .read-aloud.reading").waitFor();
      await app.screenshot(page, `words-reading-${lang}${large ? "-large" : ""}-360x640`);
      await page.evaluate(() => window.__speech.end());
      await page.locator(".question .read-aloud.reading").waitFor({ state: "detached" });
      await readsAndEnds(page, w, ".question", "the first question");
      // Stopped by its own button, and another reading replaces one in progress.
      await button(page, ".question").click();
      await page.locator(".question .read-aloud.reading").waitFor();
      await button(page, ".question").click();
      await page.locator(".question .read-aloud.reading").waitFor({ state: "detached" });
      assert.equal(await text(button(page, ".question")), w.read, "朗读 again once stopped");
      assert.ok((await page.evaluate(() => window.__speech.cancelled())) >= 1, "the reading was cancelled");

      const seen = new Set();
      for (let step = 0; step < 30; step++) {
        await page.locator(".screen.question, .screen.summary").first().waitFor();
        if (await page.locator(".screen.summary").count()) break;
        const screen = page.locator(".screen.question");
        const title = await text(page.locator("#screen-title"));
        const cards = (await screen.locator("label.card").allInnerTexts()).map((t) => t.trim());
        const selects = screen.locator(".date-picker select");
        if (await selects.count()) {
          const year = selects.nth(0);
          const opened = await year.evaluate((s) => ({
            chosen: s.value,
            next: s.options[s.selectedIndex + 1]?.value,
            before: s.options[s.selectedIndex - 1]?.value,
          }));
          const parent = !/孩子的出生|child's date/.test(title);
          if (parent) {
            seen.add("year list");
            assert.deepEqual(opened, { chosen: "", next: "1969", before: "1970" }, `${label}: the year list on “${title}”`);
            // Next with nothing chosen is refused: opening at 1969 answers nothing.
            await screen.locator("button[type=submit]").click();
            await screen.locator(".error:not(:empty)").waitFor();
            await fits(page, `the year list (${label})`);
            await axeClean(page, `the parent's birth date (${label})`);
          }
          const [y, m, d] = /父亲|father/i.test(title) ? [1958, 8, 1] : [1960, 5, 20];
          await year.selectOption(String(y));
          await selects.nth(1).selectOption(String(m));
          await selects.nth(2).selectOption(String(d));
        } else if (cards.includes(w.pension[0])) {
          seen.add("pension");
          for (const name of w.pension) assert.equal(cards.filter((c) => c === name).length, 2, `${label}: “${name}” for each parent`);
          await fits(page, `pension (${label})`);
          await axeClean(page, `pension (${label})`);
        } else if (cards.includes(w.medical[0])) {
          seen.add("medical");
          for (const name of w.medical) assert.equal(cards.filter((c) => c === name).length, 2, `${label}: “${name}” for each parent`);
        } else if (cards.includes(w.careUnknown)) {
          seen.add("care");
          await fits(page, `care setting (${label})`);
          await app.screenshot(page, `words-care-${lang}${large ? "-large" : ""}-360x640`, { fullPage: true });
          await axeClean(page, `care setting (${label})`);
          // The mother in a home whose kind the family does not know; the father at home.
          const sets = screen.locator("fieldset.sub");
          await sets.nth(0).locator("label.card", { hasText: w.careUnknown }).click();
          await sets.nth(1).locator("label.card", { hasText: w.atHome }).click();
        } else if (cards.includes(w.noSelfCare)) {
          seen.add("self care");
          assert.equal(cards.filter((c) => c === w.noSelfCare).length, 2, `${label}: 生活不能自理 for each parent`);
        }
        for (const input of await screen.locator(".number-box input").all()) await input.fill("0");
        await answer(page);
        await screen.locator("button[type=submit]").click();
        await page.waitForFunction(
          (before) => document.querySelector("#screen-title")?.innerText.trim() !== before || document.querySelector(".screen.summary"),
          title,
        );
      }
      assert.deepEqual([...seen].sort(), ["care", "medical", "pension", "self care", "year list"], `${label}: screens seen`);
      // The summary reads the choice back in the same words.
      assert.ok((await text(page.locator(".screen.summary"))).includes(w.careUnknown), "the summary names it");
      await page.getByRole("button", { name: w.seeResults }).click();
      await page.locator(".screen.results").waitFor();

      const item = page.locator("#item-care_home_priority");
      assert.equal(await text(item.locator(".status")), w.check, `${label}: care-home priority is to be confirmed`);
      // Why is one tap away (详细).
      await item.locator("details.more summary").click();
      const reasons = await text(item.locator(".reasons"));
      for (const s of [w.confirmKind, ...w.fees]) assert.ok(reasons.includes(s), `${label}: the reason says “${s}”: ${reasons}`);
      // Not counted as at home: home services come through the father, who is.
      assert.equal(await page.locator("#item-home_care_services.eligible").count(), 1);

      // One item's reading gives way to another's. Each item's 朗读 is in its 详细, and home
      // services are in the folded group of services: open them as a person would.
      await page.$$eval("details", (all) => all.forEach((d) => (d.open = true)));
      const first = "#item-care_home_priority";
      const second = "#item-home_care_services";
      await readsAndEnds(page, w, first, "an item");
      await button(page, first).click();
      await page.locator(`${first} .read-aloud.reading`).waitFor();
      await button(page, second).click();
      await page.locator(`${second} .read-aloud.reading`).waitFor();
      assert.equal(await text(button(page, first)), w.read, "the first item is 朗读 again once another starts");
      assert.equal(await page.locator(".read-aloud.reading").count(), 1, "one reading at a time");
      await page.evaluate(() => window.__speech.end());
      await page.locator(".read-aloud.reading").waitFor({ state: "detached" });
      await page.$$eval("details", (all) => all.forEach((d) => (d.open = true)));
      await fits(page, `results (${label})`);
      await axeClean(page, `results (${label})`);
      app.assertNoErrors(page);
      app.assertSameOrigin(page);
      await page.context().close();
    });

    test(`朗读 says plainly when the phone has no voice for the language (${label})`, async () => {
      const w = W[lang];
      // Chinese is read with a Chinese voice and English with an English one: the other is none.
      const other = lang === "en" ? ["zh-CN"] : ["en-US", "en-GB"];
      const page = await open({ lang, large, voices: other });
      await page.locator(".welcome button.primary").click();
      await page.locator(".screen.question").waitFor();
      await button(page, ".question").click();
      const note = page.locator(".question .no-voice");
      await note.waitFor();
      assert.ok((await text(note)).startsWith(w.noVoice), `${label}: ${await text(note)}`);
      assert.equal(await note.getAttribute("role"), "alert");
      assert.deepEqual(await page.evaluate(() => window.__speech.speaking()), [], "nothing read in the wrong voice");
      assert.equal(await text(button(page, ".question")), w.read);
      await fits(page, `no voice (${label})`);
      await app.screenshot(page, `words-no-voice-${lang}${large ? "-large" : ""}-360x640`);
      await axeClean(page, `no voice (${label})`);
      // The next screen starts afresh.
      await page.locator(".screen.question label.card").first().click();
      await page.locator(".screen.question button[type=submit]").click();
      await page.waitForFunction(() => !document.querySelector(".no-voice"));
      app.assertNoErrors(page);
      await page.context().close();
    });

    test(`voices that load after the press are looked at then (${label})`, async () => {
      const w = W[lang];
      const own = lang === "en" ? "en-GB" : "zh-CN";
      const other = lang === "en" ? "zh-CN" : "en-US";
      const page = await open({ lang, large, voices: [] });
      await page.locator(".welcome button.primary").click();
      await page.locator(".screen.question").waitFor();
      // No voices listed yet: read all the same (the browser may still have one)...
      await button(page, ".question").click();
      await page.locator(".question .read-aloud.reading").waitFor();
      // ...and when they arrive with the language's own, go on.
      await page.evaluate((l) => window.__speech.load(l), [other, own]);
      assert.equal(await page.locator(".question .no-voice").count(), 0);
      assert.equal(await text(button(page, ".question")), w.stop);
      await page.evaluate(() => window.__speech.end());
      await page.locator(".question .read-aloud.reading").waitFor({ state: "detached" });
      await page.context().close();

      // Without it, stop and say so.
      const again = await open({ lang, large, voices: [] });
      await again.locator(".welcome button.primary").click();
      await again.locator(".screen.question").waitFor();
      await button(again, ".question").click();
      await again.locator(".question .read-aloud.reading").waitFor();
      await again.evaluate((l) => window.__speech.load(l), [other]);
      await again.locator(".question .no-voice").waitFor();
      assert.equal(await again.locator(".question .read-aloud.reading").count(), 0);
      assert.ok((await text(again.locator(".question .no-voice"))).startsWith(w.noVoice));
      assert.ok((await again.evaluate(() => window.__speech.cancelled())) >= 1, "the reading was stopped");
      await axeClean(again, `no voice after loading (${label})`);
      app.assertNoErrors(again);
      await again.context().close();
    });
  }
}

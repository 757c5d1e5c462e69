// A made-up register of N families for the office page's big-register tests and benchmarks
// (e2e/office-county-worker.test.mjs, scripts/bench-county.mjs): every row a good household
// as tests/register.rs's big_csv (mothers' ID numbers with their GB 11643 check characters,
// fathers' birth dates, town and country, hospital days), with a 县区 and a 社区 for the
// by-place tables and, with `wide`, names, a phone number and a remark (an address and a note), so that 100,000 families make a
// file of about 20 MB. UTF-8 CSV with a BOM.

/** GB 11643's check character of the first 17 digits. */
export function checkChar(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return "10X98765432"[sum % 11];
}

const AREAS = ["鼓楼区", "龙亭区", "兰考县", "杞县", ""];

export function bigRegister(n, { wide = false } = {}) {
  const head = "编号,县区,社区,核查日期,城乡,子女情况,再生育或收养,女方身份证号,女方户籍,男方出生日期,男方开封户籍,女方今年住院天数";
  const lines = [wide ? `${head},女方姓名,男方姓名,联系电话,备注` : head];
  for (let i = 0; i < n; i += 1) {
    const birth = `19${String(60 + (i % 20)).padStart(2, "0")}0${1 + (i % 9)}1${i % 10}`;
    const id17 = `410299${birth}${String((i * 2) % 1000).padStart(3, "0")}`;
    let line = `K${i},${AREAS[i % AREAS.length]},社区${i % 40},2026-06-01,${i % 2 === 0 ? "城镇" : "农村"},死亡,否,${id17}${checkChar(id17)},是,1960/1/${1 + (i % 28)},${i % 3 === 0 ? "否" : "是"},${i % 100}`;
    if (wide) {
      line += `,王秀${i % 1000}英,李建${i % 997}国,139${String(i).padStart(8, "0")},${AREAS[i % 4]}${i % 300}街${i % 90}号院${i % 12}号楼${i % 30}室；${"已于上次核查时上门走访，家中情况稳定".slice(0, 4 + (i % 14))}`;
    }
    lines.push(line);
  }
  return "\ufeff" + lines.join("\n") + "\n";
}

/** For `page.addInitScript`: records every value / max the .county-working progress bars show,
 *  in order and each change once, in window.__progress. */
export function recordProgress() {
  window.__progress = [];
  new MutationObserver(() => {
    for (const p of document.querySelectorAll(".county-working progress")) {
      const seen = `${p.value}/${p.max}`;
      if (window.__progress.at(-1) !== seen) window.__progress.push(seen);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

// An analyst of the mediator reviews with the keyboard: accepts one pair (the next appears at
// once), undoes it, rejects another, adds a note. Every decision is the server's, attributed
// to the analyst.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { screenshot, seriousViolations, serverAndBrowser, signIn } from "./harness.mjs";

const env = serverAndBrowser({ reviewQueue: true });

async function linkShown(page) {
  const text = await page.locator(".pair .position").innerText();
  return text;
}

async function decisions(id) {
  const r = await env.server.api("mediator-analyst", "GET", `/links/${id}/decisions`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.decisions.map((d) => [d.decision, d.by, d.note ?? ""]);
}

// Two small lists imported and reconciled with nothing accepted on its own: the pairs waiting
// for review between them, as the API lists them.
async function queueBetween(name, leftCsv, [leftKind, leftSide], rightCsv) {
  const left = join(env.server.dir, `${name}-left.csv`);
  const right = join(env.server.dir, `${name}-right.csv`);
  writeFileSync(left, leftCsv);
  writeFileSync(right, rightCsv);
  env.server.parley("import", left, "--list", `${name}-left`, "--kind", leftKind, "--side", leftSide);
  env.server.parley("import", right, "--list", `${name}-right`, "--kind", "custody", "--side", "ru");
  env.server.parley("reconcile", `${name}-left`, `${name}-right`, "--auto-accept", "1");
  const queue = await env.server.api("mediator-analyst", "GET",
    `/links?state=needs_review&left=${name}-left&right=${name}-right&limit=5`);
  assert.equal(queue.status, 200, JSON.stringify(queue.body));
  return queue.body.links;
}

test("keys a, z, r and n decide, undo and annotate the pair in front of the analyst", async () => {
  const queue = await env.server.api("mediator-analyst", "GET", "/links?state=needs_review&limit=3");
  assert.ok(queue.body.total >= 3, "the demo leaves pairs for review");
  const [first, second] = queue.body.links;

  const page = await signIn(env.browser, env.server, "mediator-analyst");
  await page.getByRole("link", { name: "Review" }).click();
  await page.locator(".pair").waitFor();
  assert.match(await linkShown(page), /^1 of /);
  // The surname as the list wrote it, and beneath it, for this English page, as a passport of
  // its language writes it.
  const surnameCell = page.locator(".side-by-side tbody tr").first().locator("td").first();
  assert.equal(await surnameCell.evaluate((td) => td.firstChild?.textContent ?? ""), first.left.surname ?? "");
  assert.ok(first.left.name_latin?.surname, "the API romanises a Cyrillic surname");
  assert.equal(await surnameCell.locator(".latin").innerText(), first.left.name_latin.surname);
  await screenshot(page, "review");
  assert.deepEqual(await seriousViolations(page), []);

  await page.keyboard.press("a");
  await page.waitForFunction(() => /^2 of /.test(document.querySelector(".pair .position")?.textContent ?? ""));
  await assert.doesNotReject(async () => {
    for (let i = 0; i < 50 && (await decisions(first.id)).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  });
  assert.deepEqual(await decisions(first.id), [["accept", "mediator-analyst", ""]]);

  await page.keyboard.press("z");
  await page.waitForFunction(() => /^1 of /.test(document.querySelector(".pair .position")?.textContent ?? ""));
  await page.locator(".pair .decided").waitFor();
  // The page moves back at once; the undo reaches the server a moment later.
  for (let i = 0; i < 50 && (await decisions(first.id)).length < 2; i++) await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual((await decisions(first.id)).map((d) => d[0]), ["accept", "undo"]);
  const afterUndo = await env.server.api("mediator-analyst", "GET", `/links/${first.id}`);
  assert.equal(afterUndo.body.state, "needs_review");

  page.once("dialog", (dialog) => dialog.accept("same unit, birth year differs by one"));
  await page.keyboard.press("n");
  await page.waitForFunction(() => /same unit/.test(document.querySelector(".pair .decided")?.textContent ?? ""));
  assert.deepEqual((await decisions(first.id)).at(-1), ["note", "mediator-analyst", "same unit, birth year differs by one"]);

  await page.keyboard.press("j");
  await page.keyboard.press("r");
  for (let i = 0; i < 50 && (await decisions(second.id)).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(await decisions(second.id), [["reject", "mediator-analyst", ""]]);
  assert.deepEqual(page.problems, []);
});

test("an observer sees the queue but no way to decide", async () => {
  const page = await signIn(env.browser, env.server, "ua-observer");
  await page.goto(env.server.url + "/#/review");
  await page.locator("h1").waitFor();
  assert.equal(await page.getByRole("button", { name: /Accept/ }).count(), 0);
  await page.keyboard.press("a");
  assert.deepEqual(page.problems, []);
});

test("the queue narrows to a probability band, and the band stays in the address", async () => {
  const page = await signIn(env.browser, env.server, "mediator-analyst");
  await page.goto(env.server.url + "/#/review");
  await page.locator("h1").waitFor();
  await page.getByLabel("Probability").selectOption({ label: "0.90–0.99" });
  await page.waitForFunction(() => location.hash.includes("band=0.9-0.99"));
  const band = await env.server.api("mediator-analyst", "GET",
    "/links?state=needs_review&min_probability=0.9&max_probability=0.99&limit=1");
  assert.equal(band.status, 200);
  if (band.body.total === 0) {
    await page.getByText("No links wait for review with these filters.").waitFor();
  } else {
    const total = band.body.total.toLocaleString("en");
    await page.locator(".pair .position").filter({ hasText: new RegExp(` of ${total} `) }).waitFor();
    const shown = await page.locator(".pair .position").innerText();
    assert.match(shown, /Probability 0\.9\d\d/);
  }
  assert.deepEqual(page.problems, []);
});

test("a pair whose surname and given name one list wrote in each other's columns says so", async () => {
  // "Зосим | Журба" on the request, "Журба | Зосим" in custody: the levels say "same" for
  // surname and given name, so the page must say they were compared crossed.
  const header = "id,surname,given_name,patronymic,birth_date\n";
  const filler = (side) =>
    ["Бондар", "Ткачук", "Савчук", "Руденко", "Марченко", "Клименко", "Павленко", "Кравчук"]
      .map((s, i) => `F${i},${s}${side ? "ов" : ""},${["Тарас", "Богдан", "Степан"][i % 3]},,${1960 + i * 3}\n`)
      .join("");
  const links = await queueBetween("crossed", header + "C1,Зосим,Журба,Павлович,29.06.1970\n" + filler(0),
    ["request", "ua"], header + "R1,Журба,Зосим,,29.06.1970\n" + filler(1));
  const link = links.find((l) => l.left?.surname === "Зосим");
  assert.ok(link, "the crossed pair waits for review");
  assert.ok(link.explanation.some((f) => f.field === "name_used" && f.level === "crossed"));

  const page = await signIn(env.browser, env.server, "mediator-analyst");
  await page.goto(env.server.url + "/#/review?left=crossed-left&right=crossed-right");
  await page.locator('[data-names-used="crossed"]').waitFor();
  assert.match(await page.locator('[data-names-used="crossed"]').innerText(), /compared crossed/);
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(page.problems, []);
});

test("a name read by the mediator's Turkish spelling says so in the reviewer's language", async () => {
  // "Kravçenko Vyaçeslav" on the mediator's list is Кравченко Вячеслав in custody once ş, ç
  // are read as Turkish writes them; the page names that reading in Turkish, not in English.
  const links = await queueBetween("turkish",
    "id,full_name,birth_date\nM1,Kravçenko Vyaçeslav,1985\nM2,Şevçuk Taras,1979\n", ["mediator", "mediator"],
    "id,surname,given_name,patronymic,birth_date\n" +
      "R1,Кравченко,Вячеслав,,12.03.1985\nR2,Бондар,Тарас,,02.02.1970\nR3,Мельник,Петро,,05.06.1981\n");
  const link = links.find((l) => l.right?.surname === "Кравченко");
  assert.ok(link, "the pair waits for review");
  const used = link.explanation.find((f) => f.field === "name_used" && f.level === "alias");
  assert.match(used?.left ?? "", /^Kravchenko Vyacheslav \(Turkish spelling\)$/);

  const page = await signIn(env.browser, env.server, "mediator-analyst", { language: "tr" });
  await page.goto(env.server.url + "/#/review?left=turkish-left&right=turkish-right");
  await page.locator('[data-names-used="alias"]').waitFor();
  const note = await page.locator('[data-names-used="alias"]').innerText();
  assert.match(note, /Kravchenko Vyacheslav \(Türkçe yazım\)/);
  assert.doesNotMatch(note, /spelling/);
  assert.deepEqual(page.problems, []);
});

// The record and proofs page (#/record): the node's checkpoint and its verification in words; a
// bundle exported through the API, checked in the page and told in words (what it proves), and
// a copy with one byte changed refused with the problem named, nothing imported either way; a
// list's signed history from the list page; the page in Ukrainian; an observer reads but is
// offered no check.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { password, screenshot, seriousViolations, serverAndBrowser, signIn } from "./harness.mjs";

const env = serverAndBrowser();

// POST /bundles/export as `user` (the harness's api() reads JSON; a bundle is bytes).
async function exportBundle(user, party) {
  const url = env.server.url;
  const login = await fetch(`${url}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: user, password }),
  });
  const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrf_token } = await login.json();
  const r = await fetch(`${url}/api/v1/bundles/export`, {
    method: "POST",
    headers: { Cookie: cookie, "X-CSRF-Token": csrf_token, "Content-Type": "application/json" },
    body: JSON.stringify({ for: party }),
  });
  assert.equal(r.status, 200, await r.clone().text());
  return Buffer.from(await r.arrayBuffer());
}

// What a check must leave as it was: the node's log and the replicas it holds.
async function ledgerState() {
  const head = await env.server.api("mediator-admin", "GET", "/ledger");
  return { size: head.body.size, checkpoint: head.body.checkpoint, replicas: head.body.replicas };
}

test("the checkpoint is shown and the node's record verifies, told in words", async () => {
  const head = (await env.server.api("ua-signer", "GET", "/ledger")).body;
  const page = await signIn(env.browser, env.server, "ua-signer");
  await page.getByRole("navigation", { name: "main" }).getByRole("link", { name: "Record", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Record and proofs" }).waitFor();
  const checkpoint = page.locator("dl.checkpoint");
  await checkpoint.locator("dd.size").waitFor();
  assert.equal(await checkpoint.locator("dd.size").innerText(), String(head.size));
  assert.match(await checkpoint.innerText(), new RegExp(head.checkpoint_detail.root));
  assert.match(await checkpoint.locator("dd.signers").innerText(), /demo-node \(signature checked\)/);
  await page.getByRole("button", { name: "Verify this node's record" }).click();
  const verdict = page.locator(".verdict.good");
  await verdict.waitFor();
  const words = await verdict.innerText();
  assert.match(words, new RegExp(`This node's log ${head.origin}: every signature and every stored hash of its ${head.size} events checked and the tree rebuilt; the latest checkpoint matches it\\.`));
  assert.match(words, /Everything checks out\./);
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a bundle is checked in the page and told in words; one changed byte is refused by name; nothing is imported", async () => {
  const bytes = await exportBundle("mediator-admin", "mediator");
  const good = join(env.server.dir, "demo-node-for-mediator.bundle");
  writeFileSync(good, bytes);
  // One byte of the first event changed: the list's name in its signed body.
  const tampered = Buffer.from(bytes);
  const at = tampered.indexOf('"list":"ua-request"');
  assert.ok(at > 0);
  tampered[at + 8] = "U".charCodeAt(0);
  const bad = join(env.server.dir, "tampered.bundle");
  writeFileSync(bad, tampered);
  const before = await ledgerState();

  const page = await signIn(env.browser, env.server, "mediator-admin");
  await page.goto(`${env.server.url}/#/record`);
  await page.getByLabel("Bundle file").setInputFiles(good);
  await page.getByRole("button", { name: "Check the bundle" }).click();
  const report = page.locator(".bundle-report.good");
  await report.waitFor();
  const words = await report.innerText();
  assert.match(words, /This bundle proves what it says\./);
  assert.match(words, new RegExp(`It is a stretch of this node's own log, ${before.checkpoint.split("\n")[0]}\\.`));
  assert.match(words, new RegExp(`It carries events 0 to ${before.size - 1}: ${before.size} events\\.`));
  assert.match(words, /1 version of the list ua-request submitted \(event 0\)/);
  assert.match(words, /1 reconciliation of the lists ua-request and ru-custody/);
  assert.match(words, /plan 1 signed by parties a and b/);
  assert.match(words, /the agreement demo-exchange signed by parties a and b/);
  assert.match(words, new RegExp(`It ends at a checkpoint of ${before.size} events whose root hash is [0-9a-f]{64}\\.`));
  assert.match(words, /Signed by demo-node, whose key this node trusts\./);
  assert.match(words, new RegExp(`every one of its events \\(${before.size}\\) is already here, byte for byte; importing it would add nothing`));
  assert.match(words, /It shows mediator the contents of \d+ records of 5 list versions/);
  assert.match(words, /Withheld \(only their commitments travel\):/);
  assert.match(words, /Nothing was imported\./);
  for (const sentence of (await report.locator("li").allInnerTexts())) {
    assert.doesNotMatch(sentence, /[{}]|undefined|NaN|record\.summary/, sentence);
  }
  // The events one by one, each with the entry as signed behind "Details".
  await report.getByText("The events one by one").click();
  const first = report.locator("ol.ledger li").first();
  assert.match(await first.locator(".sentence").innerText(), /demo submitted version 1 of the list ua-request/);
  await first.getByText("Details").click();
  assert.match(await first.locator("pre").innerText(), /"leaf_hash": "[0-9a-f]{64}"/);
  await screenshot(page, "record", { maxHeight: 2200 });
  assert.deepEqual(await seriousViolations(page), []);

  await page.getByLabel("Bundle file").setInputFiles(bad);
  await page.getByRole("button", { name: "Check the bundle" }).click();
  const refused = page.locator(".bundle-report.bad");
  await refused.waitFor();
  const told = await refused.innerText();
  assert.match(told, /Refused: this file proves nothing\./);
  assert.match(told, /The first problem is in event 0: entry seq 0: /);
  assert.match(told, /The file says it carries events 0 to \d+ of the log parley\/demo-node\/[0-9a-f]+; that is not proven\./);
  assert.match(told, /Nothing was imported\./);
  assert.equal(await refused.locator("ul.summary").count(), 0);
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(await ledgerState(), before, "checking a bundle changes nothing");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the list page links to its signed history, told in words with each entry behind Details", async () => {
  const page = await signIn(env.browser, env.server, "ua-analyst");
  await page.goto(`${env.server.url}/#/lists/ua-request`);
  await page.getByRole("link", { name: "Signed history" }).click();
  await page.getByRole("heading", { name: "The list ua-request" }).waitFor();
  assert.match(page.url(), /#\/record\?list=ua-request$/);
  const items = page.locator("ol.ledger li");
  await items.first().waitFor();
  const told = (await items.locator(".sentence").allInnerTexts()).join("\n");
  assert.match(told, /demo submitted version 1 of the list ua-request \(requested, side ua, \d+ records\)\./);
  assert.match(told, /demo reconciled ua-request with ru-custody: \d+ new links\./);
  assert.doesNotMatch(told, /ua-custody|mediator\b/, "only events about ua-request");
  assert.match(await page.locator(".record-page").innerText(), /\d+ events?, oldest first\./);
  assert.match(await items.first().locator(".seq").innerText(), /^Event 0$/);
  await items.first().getByText("Details").click();
  assert.match(await items.first().locator("pre").innerText(), /"records_root"/);
  // The form takes another thing: an agreement.
  await page.getByLabel("What").selectOption("agreement");
  await page.getByLabel("Name or number").fill("demo-exchange");
  await page.getByRole("button", { name: "Show" }).click();
  await page.getByRole("heading", { name: "The agreement demo-exchange" }).waitFor();
  await page.locator("ol.ledger li").first().waitFor();
  assert.match((await page.locator("ol.ledger .sentence").allInnerTexts()).join("\n"),
               /signed version 1 of the agreement demo-exchange for party b\./);
  // An analyst may not verify: neither check is offered.
  assert.equal(await page.getByRole("button", { name: "Verify this node's record" }).count(), 0);
  assert.equal(await page.getByLabel("Bundle file").count(), 0);
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("in Ukrainian the page speaks Ukrainian", async () => {
  const bundle = join(env.server.dir, "for-ru.bundle");
  writeFileSync(bundle, await exportBundle("ua-admin", "ru"));
  const page = await signIn(env.browser, env.server, "ua-admin", { language: "uk" });
  await page.goto(`${env.server.url}/#/record?list=ua-request`);
  await page.getByRole("heading", { level: 1, name: "Журнал і докази" }).waitFor();
  await page.getByRole("heading", { name: "Список ua-request" }).waitFor();
  await page.locator("ol.ledger li").first().waitFor();
  const told = (await page.locator("ol.ledger .sentence").allInnerTexts()).join("\n");
  assert.match(told, /demo подав версію 1 списку ua-request \(запитувані, сторона ua, записів: \d+\)\./);
  assert.match(await page.locator(".record-page").innerText(), /\d+ поді(я|ї|й), від найдавнішої\./);
  await page.getByRole("button", { name: "Перевірити журнал цього вузла" }).click();
  await page.locator(".verdict.good").getByText("Усе сходиться.").waitFor();
  await page.getByLabel("Файл пакета").setInputFiles(bundle);
  await page.getByRole("button", { name: "Перевірити пакет" }).click();
  const report = page.locator(".bundle-report.good");
  await report.waitFor();
  const words = await report.innerText();
  assert.match(words, /Цей пакет доводить те, що в ньому сказано\./);
  assert.match(words, /подано 1 версію списку ua-request/);
  assert.match(words, /план 1 підписали сторони a і b/);
  assert.match(words, /Підписав demo-node; цьому ключу вузол довіряє\./);
  assert.match(words, /Нічого не імпортовано\./);
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("an observer reads the record but is offered no check", async () => {
  const page = await signIn(env.browser, env.server, "ru-observer", { language: "ru" });
  await page.getByRole("navigation", { name: "main" }).getByRole("link", { name: "Журнал", exact: true }).click();
  await page.getByRole("heading", { name: "Контрольная точка этого узла" }).waitFor();
  await page.locator("dl.checkpoint dd.size").waitFor();
  assert.equal(await page.locator("main button.verify").count(), 0);
  assert.equal(await page.getByRole("heading", { name: "Проверить пакет" }).count(), 0);
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

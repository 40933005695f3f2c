// The person card: one person of the demo's plan is linked by an analyst, interviewed, handed
// over and given a second version by a new import of its list; the card shows all of it, the
// history told in words (never raw JSON), and its own reading appears in the access log.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { screenshot, seriousViolations, serverAndBrowser, signIn } from "./harness.mjs";

let person; // { recordId, key, surname, link, otherRecordId, phase }
const newPlace = "Кизил (Тива)";

async function ok(user, method, path, body) {
  const r = await env.server.api(user, method, path, body);
  assert.ok(r.status >= 200 && r.status < 300, `${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

// ua-custody as the demo wrote it (UTF-16 with a byte-order mark), one row per line.
function custodyRows() {
  const bytes = readFileSync(join(env.server.workspace, "demo-scenario", "ua-custody.csv"));
  return new TextDecoder("utf-16le").decode(bytes).replace(/^\uFEFF/, "").split(/\r?\n/);
}

const env = serverAndBrowser({}, async () => {
  // A ua-custody person the plan sends home in a phase, with a link from ru-request.
  const plans = await ok("mediator-analyst", "GET", "/plans");
  const plan = await ok("mediator-analyst", "GET", `/plans/${plans.plans[0].id}`);
  const placed = new Map(plan.people.filter((p) => p.phase > 0).map((p) => [p.record_id, p.phase]));
  const links = await ok("mediator-analyst", "GET", "/links?left=ru-request&right=ua-custody&limit=1000");
  const rows = custodyRows();
  const link = links.links.find(
    (l) => placed.has(l.right_record_id) && l.version === 0 &&
      rows.some((r) => r.startsWith(`${l.right_key},`) && !r.includes('"')),
  );
  assert.ok(link, "the demo plans a linked ua-custody person");
  person = {
    recordId: link.right_record_id,
    key: link.right_key,
    surname: link.right.surname,
    link: link.id,
    otherRecordId: link.left_record_id,
    phase: placed.get(link.right_record_id),
  };
  await ok("mediator-analyst", "POST", `/links/${link.id}/decision`, { decision: "accept", expected_version: 0 });
  await ok("mediator-interviewer", "PUT", `/records/${person.recordId}/interview`,
           { version: 0, outcome: "consents", notes: "fit to travel" });
  await ok("mediator-checkpoint", "POST", `/records/${person.recordId}/handovers`,
           { expected_count: 0, event: "handed_over", phase: person.phase, place: "Sumy checkpoint" });
  // Version 2 of the list: this person's birth place (column 6) written more fully.
  const changed = rows.map((r) => {
    if (!r.startsWith(`${person.key},`)) return r;
    const cells = r.split(",");
    cells[5] = newPlace;
    return cells.join(",");
  });
  const file = join(env.server.dir, "ua-custody-v2.csv");
  writeFileSync(file, changed.join("\n"));
  env.server.parley("import", file, "--list", "ua-custody", "--kind", "custody", "--side", "ua", "--actor", "ua-clerk");
});

async function reads(user, action) {
  const log = await ok("mediator-admin", "GET", `/records/${person.recordId}/access-log`);
  return log.entries.filter((e) => e.user === user && e.action === action).reduce((n, e) => n + e.reads, 0);
}

test("the card shows versions, links, interview, handover, plan and the history in words; opening it is logged", async () => {
  assert.equal(await reads("mediator-admin", "read"), 0);
  const page = await signIn(env.browser, env.server, "mediator-admin");
  await page.goto(`${env.server.url}/#/lists/ua-custody`);
  await page.locator("table.records").getByRole("link", { name: person.key, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: new RegExp(person.surname) }).waitFor();
  assert.match(page.url(), new RegExp(`#/records/${person.recordId}$`));

  const versions = page.locator("table.versions");
  assert.deepEqual((await versions.locator("thead th").allInnerTexts()).map((h) => h.split(" · ")[0]),
                   ["Version 1", "Version 2"]);
  assert.match(await versions.locator("td.changed").innerText(), new RegExp(newPlace.replace(/[()]/g, "\\$&")));
  assert.equal(await page.locator(".status-line strong").innerText(), "handed over");

  const linkRow = page.locator("table.links tbody tr");
  assert.equal(await linkRow.count(), 1);
  assert.match(await linkRow.innerText(), /ru-request[\s\S]*confirmed[\s\S]*mediator-analyst/);
  assert.match(await page.locator("table.interviews").innerText(), /consents to go[\s\S]*mediator-interviewer/);
  assert.match(await page.locator("table.handovers").innerText(), /handed over[\s\S]*Sumy checkpoint/);
  assert.match(await page.locator("table.plans").innerText(), new RegExp(`phase ${person.phase}`));

  const history = await page.locator("ol.history li .sentence").allInnerTexts();
  const told = history.join("\n");
  assert.match(told, /demo submitted version 1 of the list ua-custody \(in custody, side ua, \d+ records\)\./);
  assert.match(told, /ua-clerk submitted version 2 of the list ua-custody/);
  assert.match(told, new RegExp(`mediator-analyst decided on link ${person.link} between ru-request and ua-custody: accepted; it is now confirmed\\.`));
  assert.match(told, /mediator-interviewer recorded the interview held .*: consents to go \(interview version 1\)\./);
  assert.match(told, new RegExp(`mediator-checkpoint recorded at Sumy checkpoint, phase ${person.phase}: handed over`));
  assert.match(told, /proposed plan \d+ under the agreement demo-exchange/);
  assert.match(told, /signed plan \d+ for party a\./);
  for (const sentence of history) assert.doesNotMatch(sentence, /[{}"]|undefined|NaN/, sentence);

  // The card's own reading is in the access log, on the page and through the API.
  const logged = page.locator("table.access-log tbody tr", { hasText: "opened the record" });
  await logged.first().waitFor();
  assert.match(await logged.first().innerText(), /mediator-admin/);
  assert.ok((await reads("mediator-admin", "read")) >= 1);
  assert.ok((await reads("mediator-admin", "history")) >= 1);

  await screenshot(page, "person", { maxHeight: 2400 });
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("in Ukrainian the card and its history speak Ukrainian", async () => {
  const page = await signIn(env.browser, env.server, "mediator-admin", { language: "uk" });
  await page.goto(`${env.server.url}/#/records/${person.recordId}`);
  await page.getByRole("heading", { name: "Підписана історія" }).waitFor();
  await page.getByRole("heading", { name: "Версії запису" }).waitFor();
  await page.locator("ol.history li").first().waitFor();
  const told = (await page.locator("ol.history li .sentence").allInnerTexts()).join("\n");
  assert.match(told, /ua-clerk подав версію 2 списку ua-custody \(утримувані, сторона ua, записів: \d+\)\./);
  assert.match(told, /mediator-interviewer записав співбесіду від .*: згоден повернутися/);
  assert.equal(await page.locator(".status-line strong").innerText(), "переданий");
  await page.locator("table.access-log").waitFor();
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the review page's record headings open the card; a party's user is refused the other side's record", async () => {
  const page = await signIn(env.browser, env.server, "mediator-analyst");
  await page.goto(`${env.server.url}/#/review?state=confirmed`);
  await page.locator(".pair").waitFor();
  await page.locator(".side-by-side thead a", { hasText: `ua-custody · ${person.key}` }).click();
  await page.getByRole("heading", { level: 1, name: new RegExp(person.surname) }).waitFor();
  // An analyst may not read the access log: the card does not offer it.
  await page.locator("ol.history li").first().waitFor();
  assert.equal(await page.getByRole("heading", { name: "Who read this record" }).count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();

  const clerk = await signIn(env.browser, env.server, "ua-clerk");
  await clerk.goto(`${env.server.url}/#/records/${person.otherRecordId}`);
  await clerk.locator("[role=alert]").waitFor();
  assert.match(await clerk.locator("[role=alert]").innerText(), /this belongs to another side/);
  assert.equal(await clerk.locator("ol.history").count(), 0);
  await clerk.context().close();
});

test("a record number opens its card from the header's Person page", async () => {
  const page = await signIn(env.browser, env.server, "ua-observer");
  await page.getByRole("link", { name: "Person" }).click();
  await page.getByLabel("Record number").fill(String(person.recordId));
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: new RegExp(person.surname) }).waitFor();
  await page.locator("ol.history li").first().waitFor();
  assert.equal(await page.locator("main button").count(), 0, "an observer is offered nothing to change");
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

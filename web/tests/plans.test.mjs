// Plans: ua's negotiator repairs the demo's signed plan after a death and sees what changed;
// on the repaired plan a counter-proposal that leaves one of ua's soldiers home breaks the
// balance, which the page says before anything is sent (and nothing is stored); leaving one
// of ru's soldiers home too fixes it, and it is sent. ru's signer accepts it for ru, ua's for
// ua, and each signs for their own party only. An observer reads it all in Ukrainian, asks
// why a person goes, and is offered no action. axe finds nothing serious on any of it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { screenshot, seriousViolations, serverAndBrowser, signIn } from "./harness.mjs";

const env = serverAndBrowser();

const key = (p) => `${p.side}:${p.id}`;
const row = (page, p) => page.locator(`table.people tr[data-person="${key(p)}"]`);

async function plan(id) {
  const r = await env.server.api("mediator-observer", "GET", `/plans/${id}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

async function ledgerSize() {
  return (await env.server.api("mediator-observer", "GET", "/ledger")).body.size;
}

// A soldier (balanced one for one) of `side` whom the plan sends in phase 1.
function soldierInPhase1(p, side, skip = []) {
  const found = p.people.find(
    (x) => x.side === side && x.phase === 1 && x.balance === "pool" && !skip.includes(key(x)));
  assert.ok(found, `a soldier of side ${side} in phase 1 of plan ${p.id}`);
  return found;
}

// Set by the tests in order: the repaired plan and the counter-proposal to it.
let repaired;
let countered;

test("ua's negotiator repairs the signed plan after a death and sees what the repair changed", async () => {
  const signed = await plan(1);
  assert.equal(signed.state, "signed");
  const dead = soldierInPhase1(signed, "a");
  const page = await signIn(env.browser, env.server, "ua-negotiator");
  await page.getByRole("navigation", { name: "main" }).getByRole("link", { name: "Plans" }).click();
  await page.getByRole("heading", { level: 1, name: "Plans" }).waitFor();
  await page.getByRole("link", { name: "Plan 1", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Plan 1" }).waitFor();
  // A signed plan cannot be countered, only repaired.
  assert.equal(await page.getByRole("radio", { name: "Counter-proposal" }).count(), 0);
  await page.getByRole("radio", { name: "Repair after drop-outs" }).check();
  await row(page, dead).getByRole("checkbox").check();
  await page.getByLabel("Why they dropped out").selectOption("deceased");
  await page.getByRole("button", { name: "Repair the plan" }).click();

  await page.getByRole("heading", { level: 1, name: "Plan 2" }).waitFor();
  await page.getByRole("status").filter({ hasText: "Repair made: plan 2 replaces plan 1." }).waitFor();
  const difference = page.locator("section.difference");
  await difference.getByRole("heading", { name: "What the repair changed from plan 1" }).waitFor();
  const changed = difference.locator(`tr[data-person="${key(dead)}"]`);
  assert.match(await changed.innerText(), /Phase 1\s+dropped out \(deceased\)/);
  repaired = await plan(2);
  assert.equal(repaired.kind, "repair");
  assert.equal(repaired.parent, 1);
  assert.equal((await plan(1)).state, "superseded");
  // The chart's table says the new numbers beside the old ones.
  assert.match(await page.locator("table.balance").first().innerText(),
               new RegExp(`Phase 1\\s+${repaired.phases[0].a_hands_over} \\(was ${signed.phases[0].a_hands_over}\\)`));
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a counter-proposal that breaks the balance is refused before it is sent; fixed, it is sent", async () => {
  assert.ok(repaired, "the repair test ran first");
  const ours = soldierInPhase1(repaired, "a");
  const theirs = soldierInPhase1(repaired, "b");
  const page = await signIn(env.browser, env.server, "ua-negotiator");
  await page.goto(`${env.server.url}/#/plans/2`);
  await page.getByRole("heading", { level: 1, name: "Plan 2" }).waitFor();
  await page.getByRole("radio", { name: "Counter-proposal" }).check();
  const send = page.getByRole("button", { name: "Send the counter-proposal" });
  assert.ok(await send.isDisabled(), "nothing to send yet");

  // By keyboard: the person's phase is a select in the table.
  const size = await ledgerSize();
  const select = row(page, ours).getByRole("combobox");
  await select.focus();
  await select.selectOption("0");
  const broken = page.locator(".check.broken");
  await broken.waitFor();
  // The pool is off by one after phase 1 and stays off after every later phase.
  assert.match(await broken.innerText(), new RegExp(`Rules of the agreement broken: ${repaired.phases.length}\\.`));
  assert.match(await broken.innerText(), /After phase 1 a pool's balance is off by more than the agreement allows\./);
  assert.match(await broken.innerText(), /pool 'soldiers'/);  // the server's own words beside it
  assert.ok(await send.isDisabled());
  // The edited balance, before it is sent: one fewer from ua in phase 1.
  assert.match(await page.locator("section.edits table.balance").innerText(),
               new RegExp(`Phase 1\\s+${repaired.phases[0].a_hands_over - 1} \\(was ${repaired.phases[0].a_hands_over}\\)`));
  assert.equal(await ledgerSize(), size, "a check stores nothing");
  assert.equal((await env.server.api("ua-negotiator", "GET", "/plans")).body.plans.length, 2);

  await page.getByRole("radio", { name: "ru → ua" }).check();
  await row(page, theirs).getByRole("combobox").selectOption("0");
  await page.locator(".check.ok").filter({ hasText: "keeps every rule of the agreement" }).waitFor();
  assert.equal(await page.locator("ul.moves li").count(), 2);
  await send.click();

  await page.getByRole("heading", { level: 1, name: "Plan 3" }).waitFor();
  await page.getByRole("status").filter({ hasText: "Counter-proposal sent: plan 3 replaces plan 2." }).waitFor();
  const difference = page.locator("section.difference");
  await difference.getByRole("heading", { name: "What changed from plan 2" }).waitFor();
  for (const p of [ours, theirs]) {
    assert.match(await difference.locator(`tr[data-person="${key(p)}"]`).innerText(), /Phase 1\s+Not going/);
  }
  countered = await plan(3);
  assert.equal(countered.kind, "counter");
  assert.equal(countered.parent, 2);
  assert.equal(countered.a_hands_over, repaired.a_hands_over - 1);
  assert.equal(countered.b_hands_over, repaired.b_hands_over - 1);
  assert.equal((await plan(2)).state, "superseded");
  assert.equal(await ledgerSize(), size + 1, "one plan.countered event");
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("each side's signer accepts and then signs for its own party only", async () => {
  assert.ok(countered, "the counter test ran first");
  const party = (page, letter) => page.locator(`ul.parties li[data-party=${letter}]`);

  const ru = await signIn(env.browser, env.server, "ru-signer");
  await ru.goto(`${env.server.url}/#/plans/3`);
  await party(ru, "b").waitFor();
  assert.equal(await ru.getByRole("button", { name: "Accept for ua" }).count(), 0);
  assert.equal(await ru.getByRole("button", { name: "Sign for ru" }).count(), 0, "not before both accept");
  assert.equal(await ru.getByRole("radio", { name: "Counter-proposal" }).count(), 0, "a signer does not counter");
  // By keyboard: the button opens a confirming step whose button takes the focus.
  await ru.getByRole("button", { name: "Accept for ru" }).focus();
  await ru.keyboard.press("Enter");
  await ru.waitForFunction(() => document.activeElement?.textContent === "Accept now", null, { timeout: 5000 });
  await ru.keyboard.press("Enter");
  await ru.getByRole("status").filter({ hasText: "Accepted for ru." }).waitFor();
  await party(ru, "b").filter({ hasText: "accepted by ru-signer" }).waitFor();
  assert.equal((await plan(3)).state, "proposed");

  const ua = await signIn(env.browser, env.server, "ua-signer");
  await ua.goto(`${env.server.url}/#/plans/3`);
  await party(ua, "a").waitFor();
  assert.equal(await ua.getByRole("button", { name: "Accept for ru" }).count(), 0);
  await ua.getByRole("button", { name: "Accept for ua" }).click();
  await ua.getByRole("button", { name: "Accept now" }).click();
  await ua.getByRole("status").filter({ hasText: "Accepted for ua." }).waitFor();
  await ua.locator("p.detail .plan-state", { hasText: "accepted" }).waitFor();
  assert.equal((await plan(3)).state, "accepted");
  await ua.getByRole("button", { name: "Sign for ua" }).click();
  await ua.getByRole("button", { name: "Sign now" }).click();
  await party(ua, "a").filter({ hasText: "signed by ua-signer" }).waitFor();
  assert.equal(await ua.getByRole("button", { name: "Sign for ru" }).count(), 0);

  await ru.reload();
  await ru.getByRole("button", { name: "Sign for ru" }).click();
  await ru.getByRole("button", { name: "Sign now" }).click();
  await party(ru, "b").filter({ hasText: "signed by ru-signer" }).waitFor();
  await ru.locator("p.detail .plan-state", { hasText: "signed" }).waitFor();
  const done = await plan(3);
  assert.equal(done.state, "signed");
  assert.deepEqual(done.approvals.map((a) => `${a.action}:${a.party}:${a.actor}`).sort(),
                   ["accept:a:ua-signer", "accept:b:ru-signer", "sign:a:ua-signer", "sign:b:ru-signer"]);
  assert.equal(await ru.locator("ul.parties button").count(), 0, "nothing left to do");
  // ua's signer reads ua's people by name (ru's side may not), so the picture is theirs.
  await ua.reload();
  await party(ua, "b").filter({ hasText: "signed by ru-signer" }).waitFor();
  await ua.locator("section.difference tbody tr th a").first().waitFor();
  await ua.locator("section.who-goes > p.detail").filter({ hasText: /^(\d+) of \1 people$/ }).waitFor();
  await screenshot(ua, "plan");
  for (const page of [ru, ua]) {
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test("an observer reads the plans in Ukrainian, asks why a person goes, and is offered no action", async () => {
  assert.ok(countered, "the counter test ran first");
  const page = await signIn(env.browser, env.server, "ua-observer", { language: "uk" });
  await page.getByRole("navigation", { name: "main" }).getByRole("link", { name: "Плани" }).click();
  await page.getByRole("heading", { level: 1, name: "Плани" }).waitFor();
  const rows = page.locator("table.plans-list tbody tr");
  await rows.first().waitFor();
  assert.equal(await rows.count(), 3);
  assert.match(await rows.filter({ hasText: "План 3" }).innerText(), /зустрічна пропозиція до плану 2/);
  assert.deepEqual(await seriousViolations(page), [], "list");

  await page.getByRole("link", { name: "План 3", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "План 3" }).waitFor();
  await page.getByRole("heading", { name: "Баланс за етапами" }).waitFor();
  // Only "why": no approval, no change of the plan.
  assert.equal(await page.getByRole("radio", { name: "Зустрічна пропозиція" }).count(), 0);
  assert.equal(await page.locator("table.people select, table.people input").count(), 0);
  const buttons = await page.locator("main button").allInnerTexts();
  assert.ok(buttons.length > 0 && buttons.every((b) => b.startsWith("Чому?")), buttons.join(" | "));

  const goes = countered.people.find((p) => p.side === "a" && p.phase === 1 && p.balance === "pool");
  await page.locator(`table.people tr[data-person="${key(goes)}"] td a, table.people tr[data-person="${key(goes)}"] th a`)
    .first().waitFor();
  const why = row(page, goes).getByRole("button", { name: /^Чому\?/ });
  await why.click();
  assert.equal(await why.getAttribute("aria-expanded"), "true");
  const answer = page.locator("tr.why-row .why");
  await answer.locator(".verdict").waitFor();
  assert.match(await answer.innerText(), /Передається на етапі 1: у балансі пулу, категорія «soldiers»/);
  assert.match(await answer.locator(".verdict").innerText(), /goes in phase 1/);
  assert.equal(await answer.locator(".verdict").getAttribute("lang"), "en");

  // Found by name in the table of the phase: every row left bears the name typed.
  const name = await row(page, goes).locator("th").innerText();
  await page.getByLabel("Пошук за ім'ям, датою народження або номером").fill(name.toLowerCase());
  await page.locator("p.detail", { hasText: /^Показано [1-9] з \d+$/ }).waitFor();
  for (const shown of await page.locator("table.people tbody tr[data-person] th").allInnerTexts()) {
    assert.equal(shown, name);
  }
  assert.equal(await row(page, goes).count(), 1);
  assert.deepEqual(await seriousViolations(page), [], "plan");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Agreements: a negotiator adds a second agreement (the demo's own is signed by both parties
// already); an observer reads it and is offered nothing; ua's signer signs for Ukraine, its
// party, and sees the state change; ru's signer is offered only Russia's party, and a
// signature for the other party is refused in the server's words.
import assert from "node:assert/strict";
import { test } from "node:test";
import { screenshot, seriousViolations, serverAndBrowser, signIn } from "./harness.mjs";

const name = "second-exchange";
const title = "Second exchange: the wounded and the medical staff first, then one for one";

const env = serverAndBrowser({}, async () => {
  // The demo's stored text pins each party's key (the keys bound to ua-signer and ru-signer).
  const demo = (await env.server.api("ua-observer", "GET", "/agreements/demo-exchange")).body.text;
  const text = demo.replace(/^title = ".*"$/m, `title = "${title}"`);
  const added = await env.server.api("ua-negotiator", "POST", "/agreements", { name, text });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  assert.equal(added.body.state, "draft");
});

async function signatures() {
  const r = await env.server.api("ua-observer", "GET", `/agreements/${name}`);
  return { state: r.body.state, by: r.body.signatures.map((s) => [s.party, s.signer]) };
}

function party(page, letter) {
  return page.locator(`ul.parties li[data-party=${letter}]`);
}

test("an observer reads the list and an agreement, in English and Ukrainian, and is offered nothing", async () => {
  for (const [language, heading, summary, draft] of [
    ["en", "Agreements", "In plain words", "draft, not signed"],
    ["uk", "Угоди", "Простими словами", "проєкт, не підписано"],
  ]) {
    const page = await signIn(env.browser, env.server, "ua-observer", { language });
    await page.getByRole("navigation", { name: "main" }).getByRole("link", { name: heading }).click();
    await page.getByRole("heading", { level: 1, name: heading }).waitFor();
    const rows = page.locator("table.agreements tbody tr");
    await rows.filter({ hasText: name }).waitFor();
    assert.equal(await rows.count(), 2);
    assert.match(await rows.filter({ hasText: name }).innerText(), new RegExp(draft));
    assert.deepEqual(await seriousViolations(page), [], `${language} list`);

    await page.getByRole("link", { name, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByRole("heading", { name: summary }).waitFor();
    assert.match(await page.locator(".summary").innerText(), /Between Ukraine \(side a\) and Russian Federation \(side b\)/);
    assert.match(await page.locator(".agreement-text").innerText(), /a_side = "ua"/);
    assert.equal(await page.locator("main button").count(), 0, "nothing to change");
    assert.deepEqual(await seriousViolations(page), [], `${language} agreement`);
    assert.deepEqual(page.problems, [], language);
    await page.context().close();
  }
});

test("ua's signer signs for Ukraine and sees the state change; Russia's party is not offered", async () => {
  const page = await signIn(env.browser, env.server, "ua-signer");
  await page.goto(`${env.server.url}/#/agreements/${name}`);
  await party(page, "a").waitFor();
  assert.match(await party(page, "a").innerText(), /Ukraine[\s\S]*not signed yet/);
  assert.equal(await page.getByRole("button", { name: "Sign for Russian Federation" }).count(), 0);
  // By keyboard: the button opens a confirming step whose Sign button takes the focus; Cancel
  // gives the focus back; nothing is signed until the step is confirmed.
  // The page moves the focus after it renders, so wait for it to arrive (or time out).
  const focused = (text) =>
    page.waitForFunction((want) => document.activeElement?.textContent === want, text, { timeout: 5000 });
  await page.getByRole("button", { name: "Sign for Ukraine" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Sign now" }).waitFor();
  await focused("Sign now");
  await page.keyboard.press("Tab");
  await focused("Cancel");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Sign for Ukraine" }).waitFor();
  await focused("Sign for Ukraine");
  assert.deepEqual(await signatures(), { state: "draft", by: [] });
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Sign now" }).waitFor();
  await focused("Sign now");
  await page.keyboard.press("Enter");
  await page.getByRole("status").filter({ hasText: "Signed for Ukraine." }).waitFor();
  await party(page, "a").filter({ hasText: "signed by ua-signer" }).waitFor();
  await page.locator("p.detail", { hasText: "signed by one party" }).waitFor();
  assert.deepEqual(await signatures(), { state: "signed", by: [["a", "ua-signer"]] });
  await screenshot(page, "agreement");
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("ru's signer is offered only Russia's party; signing for Ukraine is refused in the server's words", async () => {
  const page = await signIn(env.browser, env.server, "ru-signer");
  await page.goto(`${env.server.url}/#/agreements/${name}`);
  await party(page, "b").waitFor();
  assert.equal(await page.getByRole("button", { name: /Sign for Ukraine/ }).count(), 0);
  assert.equal((await env.server.api("ru-signer", "POST", `/agreements/${name}/signatures`, { party: "a" })).status, 403);

  // Were the page to ask for the wrong party, the server's refusal is what the signer reads,
  // in the signer's language: the gatekeeping's sentence translated whole.
  const inRussian = await signIn(env.browser, env.server, "ru-signer", { language: "ru" });
  await inRussian.goto(`${env.server.url}/#/agreements/${name}`);
  await inRussian.route("**/api/v1/agreements/*/signatures", (route) =>
    route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), party: "a" }) }));
  await inRussian.getByRole("button", { name: /^Подписать за / }).click();
  await inRussian.getByRole("button", { name: "Подписать", exact: true }).click();
  const refusalInRussian = inRussian.locator("p.refusal[role=alert]");
  await refusalInRussian.waitFor();
  assert.equal(await refusalInRussian.innerText(), "Это относится к другой стороне.");
  assert.deepEqual(inRussian.problems, []);
  await inRussian.context().close();

  await page.route("**/api/v1/agreements/*/signatures", (route) =>
    route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), party: "a" }) }));
  await page.getByRole("button", { name: "Sign for Russian Federation" }).click();
  await page.getByRole("button", { name: "Sign now" }).click();
  const refusal = page.locator("p.refusal[role=alert]");
  await refusal.waitFor();
  assert.equal(await refusal.innerText(), "this belongs to another side");
  assert.deepEqual(await signatures(), { state: "signed", by: [["a", "ua-signer"]] });

  await page.unroute("**/api/v1/agreements/*/signatures");
  await page.getByRole("button", { name: "Sign for Russian Federation" }).click();
  await page.getByRole("button", { name: "Sign now" }).click();
  await party(page, "b").filter({ hasText: "signed by ru-signer" }).waitFor();
  await page.locator("p.detail", { hasText: "in force" }).waitFor();
  assert.equal(await refusal.count(), 0);
  assert.deepEqual(await signatures(), { state: "in_force", by: [["a", "ua-signer"], ["b", "ru-signer"]] });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

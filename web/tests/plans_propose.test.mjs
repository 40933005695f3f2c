// Proposing a plan from scratch on the plans list: ua's negotiator finds the demo's agreement
// (in force) offered before a draft one, with the sides it names filled in; naming a side the
// workspace does not have is refused in the server's words and stores nothing; the same plan as
// the demo's signed one stores nothing either and opens that plan; with every person held the
// server plans a new one, the page shows that it is working meanwhile, and lands on the new
// plan with its balance. An observer is not offered the form. axe finds nothing serious.
import assert from "node:assert/strict";
import { test } from "node:test";
import { screenshot, seriousViolations, serverAndBrowser, signIn } from "./harness.mjs";

const env = serverAndBrowser({}, async ({ server }) => {
  // A second agreement, a draft: the same text under another title, signed by nobody.
  const demo = await server.api("ua-negotiator", "GET", "/agreements/demo-exchange");
  assert.equal(demo.status, 200, JSON.stringify(demo.body));
  const text = demo.body.text.replace(/^title = .*$/m, 'title = "A draft to plan under"');
  const added = await server.api("ua-negotiator", "POST", "/agreements", { name: "demo-draft", text });
  assert.equal(added.status, 201, JSON.stringify(added.body));
});

async function plans() {
  const r = await env.server.api("mediator-observer", "GET", "/plans");
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.plans;
}

async function ledgerSize() {
  return (await env.server.api("mediator-observer", "GET", "/ledger")).body.size;
}

// The page moves the focus after it renders: wait for it to arrive before pressing a key.
function focused(page, text) {
  return page.waitForFunction((want) => document.activeElement?.textContent === want, text, { timeout: 5000 });
}

function sidesAre(page, a, b) {
  return page.waitForFunction(
    ([a, b]) =>
      document.querySelector("input[name=side_a]")?.value === a &&
      document.querySelector("input[name=side_b]")?.value === b,
    [a, b],
    { timeout: 5000 },
  );
}

async function openForm(user) {
  const page = await signIn(env.browser, env.server, user);
  await page.getByRole("navigation", { name: "main" }).getByRole("link", { name: "Plans" }).click();
  await page.getByRole("heading", { level: 1, name: "Plans" }).waitFor();
  await page.locator("table.plans-list tbody tr").first().waitFor();
  return page;
}

test("an observer reads the plans and is not offered the form", async () => {
  const page = await openForm("ua-observer");
  assert.equal(await page.getByRole("heading", { name: "Propose a plan" }).count(), 0);
  assert.equal(await page.getByRole("button", { name: "Propose the plan" }).count(), 0);
  assert.equal(await page.locator("main form").count(), 0);
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a proposal naming a side other than the agreement's is refused in the server's words", async () => {
  const page = await openForm("ua-negotiator");
  const form = page.locator("section.propose");
  await form.getByRole("heading", { name: "Propose a plan" }).waitFor();
  const agreement = form.getByRole("combobox", { name: /^Agreement/ });
  // In force first, then the draft; each at its latest version with its state.
  assert.deepEqual(await agreement.locator("option").allInnerTexts(), [
    "Demo exchange: the wounded and the medical staff first, then one for one (in force; demo-exchange, version 1)",
    "A draft to plan under (draft, not signed; demo-draft, version 1)",
  ]);
  await sidesAre(page, "ua", "ru");
  assert.equal(await form.locator(".notice").count(), 0);
  // The draft is offered with what a plan under it can and cannot become.
  await agreement.selectOption("demo-draft");
  await form.locator(".notice", { hasText: "This agreement is not in force yet (draft, not signed)." }).waitFor();
  await agreement.selectOption("demo-exchange");
  await form.getByRole("button", { name: "Propose the plan" }).and(page.locator(":enabled")).waitFor();
  assert.equal(await form.locator(".notice").count(), 0);

  const size = await ledgerSize();
  const sideB = form.getByLabel("Side b, acting as Russian Federation");
  await sideB.fill("by");
  await form.locator(".notice", { hasText: "The agreement names ua as party a and ru as party b." }).waitFor();
  // By keyboard: Enter in a field asks once more and the confirming button takes the focus;
  // Cancel gives the focus back to the form's button, which asks again.
  await sideB.focus();
  await page.waitForFunction(() => document.activeElement?.getAttribute("name") === "side_b", null, { timeout: 5000 });
  await page.keyboard.press("Enter");
  const question = form.locator(".confirm p");
  await question.waitFor();
  assert.equal(await question.innerText(),
               "Propose a plan under “Demo exchange: the wounded and the medical staff first, then one for one”, " +
               "version 1, with ua as party a and by as party b? The proposal goes into the signed ledger.");
  await focused(page, "Propose now");
  await page.keyboard.press("Tab");
  await focused(page, "Cancel");
  await page.keyboard.press("Enter");
  await focused(page, "Propose the plan");
  assert.equal(await question.count(), 0);
  await page.keyboard.press("Enter");
  await focused(page, "Propose now");
  await page.keyboard.press("Enter");
  const refusal = form.locator("p.refusal");
  await refusal.waitFor();
  assert.match(await refusal.innerText(),
               /^agreement 'demo-exchange' says side 'ru' acts for Russian Federation \(party b\), not 'by'/);
  // The focus is back on the form's button, and the form is as it was.
  await focused(page, "Propose the plan");
  assert.equal(await sideB.inputValue(), "by");
  assert.equal((await plans()).length, 1, "nothing stored");
  assert.equal(await ledgerSize(), size, "no event");
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(page.problems, []);

  // The same plan as the demo's (ua and ru, the linked persons): nothing new, plan 1 opens.
  await sideB.fill("ru");
  await form.getByRole("button", { name: "Propose the plan" }).click();
  await form.getByRole("button", { name: "Propose now" }).click();
  await page.getByRole("heading", { level: 1, name: "Plan 1" }).waitFor();
  await page.getByRole("status").filter({ hasText: "Nothing new was stored: plan 1 already plans the same" }).waitFor();
  assert.equal((await plans()).length, 1);
  assert.equal(await ledgerSize(), size);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a negotiator proposes a plan of every person held and lands on it with its balance", async () => {
  const before = await plans();
  assert.equal(before.length, 1);
  const size = await ledgerSize();
  const page = await openForm("ua-negotiator");
  const form = page.locator("section.propose");
  await sidesAre(page, "ua", "ru");
  await form.getByLabel("Every person held").check();
  await form.getByLabel("Gap (optional)").fill("0");
  await form.getByLabel("Time limit in seconds (optional)").fill("30");
  // The hints say what the numbers mean.
  assert.match(await form.locator("#propose-gap-hint").innerText(), /0\.01 is within 1 %/);
  assert.equal(await form.getByLabel("Gap (optional)").getAttribute("aria-describedby"), "propose-gap-hint");

  // The answer is held back until the page has shown that the server is working.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  let sent;
  await page.route("**/api/v1/plans", async (route) => {
    if (route.request().method() === "POST") {
      sent = route.request().postDataJSON();
      await held;
    }
    await route.continue();
  });
  await form.getByRole("button", { name: "Propose the plan" }).click();
  await focused(page, "Propose now");
  assert.match(await form.locator(".confirm p").innerText(), /Every person each side holds is a candidate\.$/);
  await screenshot(page, "plan-propose");
  assert.deepEqual(await seriousViolations(page), []);
  await page.keyboard.press("Enter");
  await form.getByRole("status").filter({ hasText: "The server is planning the exchange" }).waitFor();
  await form.getByRole("button", { name: "Planning…" }).and(page.locator(":disabled")).waitFor();
  assert.ok(await form.getByLabel("Side a, acting as Ukraine").isDisabled());
  assert.equal(await form.locator("form").getAttribute("aria-busy"), "true");
  release();

  await page.getByRole("heading", { level: 1, name: "Plan 2" }).waitFor();
  await page.getByRole("status").filter({ hasText: "Plan 2 proposed." }).waitFor();
  await page.getByRole("heading", { name: "Balance per phase" }).waitFor();
  const balance = page.locator("table.balance").first();
  await balance.waitFor();
  assert.match(await balance.innerText(), /Phase 1[\s\S]*Phase 2/);
  assert.deepEqual(sent, {
    agreement: "demo-exchange",
    agreement_version: 1,
    side_a: "ua",
    side_b: "ru",
    all_held: true,
    gap: 0,
    time_limit: 30,
  });

  // The server has it, as proposed, with the sides chosen, and one signed event more.
  const made = await env.server.api("mediator-observer", "GET", "/plans/2");
  assert.equal(made.status, 200, JSON.stringify(made.body));
  assert.equal(made.body.kind, "proposal");
  assert.equal(made.body.state, "proposed");
  assert.equal(made.body.agreement, "demo-exchange");
  assert.equal(made.body.side_a, "ua");
  assert.equal(made.body.side_b, "ru");
  assert.equal(made.body.created_by, "ua-negotiator");
  assert.equal(made.body.phases.length, 2);
  assert.ok(made.body.a_hands_over > before[0].a_hands_over, "every person held: more candidates than the linked ones");
  assert.equal((await plans()).length, 2);
  assert.equal(await ledgerSize(), size + 1);
  assert.match(await balance.innerText(), new RegExp(`Phase 1\\s+${made.body.phases[0].a_hands_over}\\b`));
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// The papers and charts of a plan (issue 14): the plan page shows the handover progress per
// phase and direction with the server's numbers, and offers the papers the user may have —
// a party's negotiator its own side's lists, never the other party's — which download as the
// server names them; an observer is offered the summary only. In review, the waterfall starts
// at the model's prior, ends at the pair's probability, and downloads as a PDF.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { screenshot, seriousViolations, serverAndBrowser, signIn } from "./harness.mjs";

const env = serverAndBrowser({ reviewQueue: true });

async function openPlan(page, id) {
  await page.getByRole("navigation", { name: "main" }).getByRole("link", { name: "Plans" }).click();
  await page.getByRole("link", { name: `Plan ${id}`, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: `Plan ${id}` }).waitFor();
}

async function download(page, link) {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

test("the plan page charts the handover progress with the server's numbers", async () => {
  const progress = await env.server.api("ua-negotiator", "GET", "/plans/1/progress");
  assert.equal(progress.status, 200, JSON.stringify(progress.body));
  const page = await signIn(env.browser, env.server, "ua-negotiator");
  await openPlan(page, 1);
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Handover progress" }) });
  await section.waitFor();
  const rows = section.locator(".progress-row");
  // The rows come with the page's own request for the progress, after the heading: wait for the
  // last one before counting (a loaded machine showed the heading with no rows yet).
  if (progress.body.rows.length > 0) await rows.nth(progress.body.rows.length - 1).waitFor();
  assert.equal(await rows.count(), progress.body.rows.length);
  for (const [i, r] of progress.body.rows.entries()) {
    const row = rows.nth(i);
    assert.equal(await row.getAttribute("data-phase"), String(r.phase));
    const from = r.direction === "a_to_b" ? progress.body.sides.a : progress.body.sides.b;
    const to = r.direction === "a_to_b" ? progress.body.sides.b : progress.body.sides.a;
    assert.match(await row.getByRole("heading").innerText(), new RegExp(`^Phase ${r.phase}: ${from} → ${to} \\(${r.promised} promised\\)`));
    const legend = await row.locator(".legend").innerText();
    assert.match(legend, new RegExp(`received: ${r.received}\\b`));
    assert.match(legend, new RegExp(`handed over, not yet received: ${r.handed_over - r.received}\\b`));
    assert.match(legend, new RegExp(`refused or excluded: ${r.excluded}\\b`));
    assert.match(legend, new RegExp(`still to hand over: ${Math.max(0, r.promised - r.handed_over - r.excluded)}\\b`));
  }
  await screenshot(page, "plan-progress");
  assert.deepEqual(await seriousViolations(page), []);
});

test("a party's negotiator is offered its own side's lists and downloads them as the server names them", async () => {
  const plan = (await env.server.api("ua-negotiator", "GET", "/plans/1")).body;
  const page = await signIn(env.browser, env.server, "ua-negotiator");
  await openPlan(page, 1);
  const papers = page.locator("section", { has: page.getByRole("heading", { name: "Papers to print" }) });
  await papers.waitFor();
  const own = `Exchange list, phase 1: ${plan.side_a} → ${plan.side_b} (PDF)`;
  const theirs = `Exchange list, phase 1: ${plan.side_b} → ${plan.side_a} (PDF)`;
  assert.equal(await papers.getByRole("link", { name: own }).count(), 1);
  assert.equal(await papers.getByRole("link", { name: theirs }).count(), 0);

  const summary = await download(page, papers.getByRole("link", { name: "Plan summary (PDF)" }));
  assert.equal(summary.name, "plan-1.pdf");
  assert.equal(summary.bytes.subarray(0, 5).toString(), "%PDF-");
  await papers.getByLabel("Languages of the papers").selectOption("ru,uk");
  const list = await download(page, papers.getByRole("link", { name: own }));
  assert.equal(list.name, "list-plan1-phase1-a.pdf");
  assert.equal(list.bytes.subarray(0, 5).toString(), "%PDF-");
  const act = await download(page, papers.getByRole("link", { name: "Act of transfer, phase 1 (PDF)" }));
  assert.equal(act.name, "act-plan1-phase1.pdf");
  // The server refuses the other party's list even when asked directly.
  const refused = await page.evaluate(async () => (await fetch("/api/v1/plans/1/papers/list.pdf?phase=1&side=b")).status);
  assert.equal(refused, 403);
  assert.deepEqual(await seriousViolations(page), []);
});

test("an observer is offered the plan summary but no paper that names people", async () => {
  const page = await signIn(env.browser, env.server, "mediator-observer");
  await openPlan(page, 1);
  const papers = page.locator("section", { has: page.getByRole("heading", { name: "Papers to print" }) });
  await papers.getByRole("link", { name: "Plan summary (PDF)" }).waitFor();
  assert.equal(await papers.getByRole("link", { name: /Exchange list|Act of transfer|Workbook/ }).count(), 0);
});

test("the review waterfall runs from the prior through each field to the probability", async () => {
  // A pair of the uncertain band: its probability is not 1 to a float's precision, so its
  // prior can be read back from it.
  const queue = await env.server.api("mediator-analyst", "GET",
                                     "/links?state=needs_review&min_probability=0.5&max_probability=0.9&limit=1");
  const link = queue.body.links[0];
  assert.ok(link, "the review queue has an uncertain pair");
  const page = await signIn(env.browser, env.server, "mediator-analyst");
  await page.evaluate(() => { location.hash = "#/review?band=0.5-0.9"; });
  const chart = page.locator("figure.weights svg");
  await chart.waitFor();
  const fields = link.explanation.filter((f) => f.field !== "name_used");
  // The prior, one bar per field, the final score.
  assert.equal(await chart.locator("g[data-bar]").count(), fields.length + 2);
  const prior = Math.log2(link.probability / (1 - link.probability)) - link.match_weight;
  const label = await chart.getAttribute("aria-label");
  assert.ok(label.startsWith(`Prior (before any field): ${new Intl.NumberFormat("en", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(prior)};`), label);
  const total = prior + fields.reduce((sum, f) => sum + f.weight, 0);
  const number = (n, digits) => new Intl.NumberFormat("en", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
  assert.ok(label.endsWith(`Score ${number(total, 1)} · probability ${number(link.probability, 3)}: ${number(total, 1)}`), label);
  const paper = await download(page, page.getByRole("link", { name: "This explanation as a PDF" }));
  assert.equal(paper.name, `link-${link.id}.pdf`);
  assert.equal(paper.bytes.subarray(0, 5).toString(), "%PDF-");
});

// The handover-day console on tablet-sized screens: the checkpoint records people of phase 1
// as handed over, loses the network, records more (they wait on the tablet), gets it back,
// and the queue drains with every event recorded exactly once, also when a response is lost
// after the server stored the event. The interviewer records an outcome; an observer sees
// the same page without any action. axe finds nothing serious at 1024×768 and 768×1024.
import assert from "node:assert/strict";
import { test } from "node:test";
import { screenshot, seriousViolations, serverAndBrowser, signIn } from "./harness.mjs";

const env = serverAndBrowser();

const landscape = { width: 1024, height: 768 };
const portrait = { width: 768, height: 1024 };

async function openConsole(user, { viewport = landscape, query = "" } = {}) {
  const page = await signIn(env.browser, env.server, user);
  await page.setViewportSize(viewport);
  if (query) await page.goto(`${env.server.url}/#/handover?${query}`);
  else await page.getByRole("link", { name: "Handover day" }).click();
  // Every person of the phase read (the line says "N of N people" once none is loading).
  await page.locator(".people .detail").filter({ hasText: /^([1-9]\d*) of \1 people$/ }).waitFor();
  return page;
}

const person = (page, id) => page.locator(`li.person[data-record="${id}"]`);
const outbox = (page) => page.locator(".outbox");

async function handovers(id) {
  const r = await env.server.api("mediator-observer", "GET", `/records/${id}/handovers`);
  assert.equal(r.status, 200);
  return r.body.events.map((e) => `${e.seq}:${e.event}:${e.phase}:${e.place}:${e.actor}`);
}

async function progressRow(phase, direction) {
  const r = await env.server.api("mediator-observer", "GET", "/plans/1/progress");
  assert.equal(r.status, 200);
  return r.body.rows.find((row) => row.phase === phase && row.direction === direction);
}

test("handovers recorded offline wait on the tablet and are sent once each when the network is back", async () => {
  const page = await openConsole("mediator-checkpoint");
  const before = await progressRow(1, "a_to_b");
  // The demo's plan, whatever its matching proposed: the tile shows what the API counts.
  assert.ok(before.promised >= 6, `phase 1 promises ${before.promised}`);
  assert.equal(await page.locator(".tile.promised dd").innerText(), String(before.promised));
  const ids = (await page.locator("li.person").evaluateAll((items) => items.map((li) => li.dataset.record)))
    .slice(0, 6);
  assert.equal(ids.length, 6);

  // No crossing point yet: nothing can be recorded.
  assert.ok(await person(page, ids[0]).getByRole("button", { name: "Handed over" }).isDisabled());
  await page.getByLabel("Crossing point").fill("Sumy crossing");

  // Online: three people handed over, each sent at once.
  for (const id of ids.slice(0, 3)) {
    await person(page, id).getByRole("button", { name: "Handed over" }).click();
  }
  await outbox(page).filter({ hasText: "Everything is sent" }).waitFor();
  for (const id of ids.slice(0, 3)) {
    await person(page, id).locator(".status.handed_over").waitFor();
    assert.ok(await person(page, id).getByRole("button", { name: "Handed over" }).isDisabled());
  }
  await page.locator(".tile.handed-over dd").filter({ hasText: /^3$/ }).waitFor();

  // Offline: three more handed over, and two received (one of them handed over offline too,
  // so its `received` must go after its `handed_over`).
  await page.context().setOffline(true);
  await outbox(page).filter({ hasText: "no connection" }).waitFor();
  for (const id of ids.slice(3, 6)) {
    await person(page, id).getByRole("button", { name: "Handed over" }).click();
  }
  await person(page, ids[0]).getByRole("button", { name: "Received" }).click();
  await person(page, ids[3]).getByRole("button", { name: "Received" }).click();
  await outbox(page).filter({ hasText: "Waiting to send (5)" }).waitFor();
  await person(page, ids[3]).locator(".status.received").waitFor();
  assert.equal(await person(page, ids[4]).locator(".queued-badge").innerText(), "waiting to send");
  const kept = await page.evaluate(() => localStorage.getItem("parley.outbox.mediator-checkpoint"));
  const queue = JSON.parse(kept);
  assert.equal(queue.length, 5);
  assert.deepEqual(queue.map((a) => [String(a.record_id), a.event, a.expected_count]), [
    [ids[3], "handed_over", 0], [ids[4], "handed_over", 0], [ids[5], "handed_over", 0],
    [ids[0], "received", 1], [ids[3], "received", 1],
  ]);
  for (const a of queue) {
    assert.deepEqual(Object.keys(a).sort(),
                     ["at", "event", "expected_count", "id", "kind", "phase", "place", "record_id"]);
  }
  const names = await page.locator("li.person .name").allInnerTexts();
  assert.ok(!names.some((n) => kept.includes(n)), "no name is kept on the tablet");
  assert.deepEqual(await handovers(ids[3]), [], "nothing reached the server while offline");
  await page.setViewportSize(portrait);
  await screenshot(page, "handover-offline");
  assert.deepEqual(await seriousViolations(page), []);
  await page.setViewportSize(landscape);

  // Back online: the queue drains in order.
  await page.context().setOffline(false);
  await outbox(page).filter({ hasText: "Everything is sent" }).waitFor({ timeout: 20_000 });
  for (const id of ids) {
    const expected = ["1:handed_over:1:Sumy crossing:mediator-checkpoint"];
    if (id === ids[0] || id === ids[3]) expected.push("2:received:1:Sumy crossing:mediator-checkpoint");
    assert.deepEqual(await handovers(id), expected, `record ${id}`);
  }
  const row = await progressRow(1, "a_to_b");
  assert.equal(row.handed_over, 6);
  assert.equal(row.received, 2);
  assert.equal(row.outstanding, before.promised - 2, "outstanding until received");
  await page.locator(".tile.handed-over dd").filter({ hasText: /^6$/ }).waitFor();
  await page.locator(".tile.received dd").filter({ hasText: /^2$/ }).waitFor();
  await page.locator(".day-chart canvas").waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem("parley.outbox.mediator-checkpoint")), null);

  await screenshot(page, "handover");
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a resend after a lost response does not record the handover twice", async () => {
  const page = await openConsole("mediator-checkpoint");
  const id = await page.locator("li.person").nth(10).getAttribute("data-record");
  await page.getByLabel("Crossing point").fill("Sumy crossing");
  // The first POST reaches the server and is stored, but its answer never reaches the page.
  let lost = 0;
  await page.route("**/api/v1/records/*/handovers", async (route) => {
    if (route.request().method() === "POST" && lost === 0) {
      lost += 1;
      const stored = await route.fetch();
      assert.equal(stored.status(), 201);
      await route.abort("connectionreset");
    } else {
      await route.continue();
    }
  });
  await person(page, id).getByRole("button", { name: "Handed over" }).click();
  await person(page, id).locator(".status.handed_over").waitFor();
  await outbox(page).filter({ hasText: "Everything is sent" }).waitFor({ timeout: 20_000 });
  assert.equal(lost, 1);
  assert.deepEqual(await handovers(id), ["1:handed_over:1:Sumy crossing:mediator-checkpoint"]);
  assert.equal(await page.locator(".problems").count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the interviewer records an outcome and is offered no handover", async () => {
  const page = await openConsole("mediator-interviewer", { query: "plan=1&phase=1&direction=b_to_a" });
  await page.getByRole("heading", { name: "Phase 1: ru → ua" }).waitFor();
  const first = page.locator("li.person").first();
  const id = await first.getAttribute("data-record");
  assert.equal(await page.getByRole("button", { name: "Handed over" }).count(), 0);
  assert.equal(await page.getByLabel("Crossing point").count(), 0);
  await first.getByRole("button", { name: "Refuses" }).click();
  await outbox(page).filter({ hasText: "Everything is sent" }).waitFor();
  await first.locator(".status.refused").waitFor();
  await page.locator(".tile.excluded dd").filter({ hasText: /^1$/ }).waitFor();
  const r = await env.server.api("mediator-observer", "GET", `/records/${id}/interview`);
  assert.equal(r.body.version, 1);
  assert.equal(r.body.current.outcome, "refuses");
  assert.equal(r.body.current.interviewer, "mediator-interviewer");
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("an observer sees the console without actions, at both tablet sizes", async () => {
  for (const viewport of [landscape, portrait]) {
    const page = await openConsole("ua-observer", { viewport });
    assert.ok((await page.locator("li.person").count()) > 0);
    assert.equal(await page.locator("li.person button").count(), 0);
    assert.equal(await page.getByLabel("Crossing point").count(), 0);
    assert.deepEqual(await seriousViolations(page), [], `${viewport.width}×${viewport.height}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
  const checkpoint = await openConsole("mediator-checkpoint", { viewport: portrait });
  assert.deepEqual(await seriousViolations(checkpoint), [], "checkpoint, 768×1024");
  await checkpoint.context().close();
});

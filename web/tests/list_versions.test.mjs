// What the list page adds to a list: a second version of ua-request is imported (one person's
// birth place written, one person gone, one new), and the page shows what changed between the
// versions, counts first, field by field; an administrator shares the list with the other side
// and stops sharing it again, each after a confirming step; a clerk downloads the version as a
// CSV file; in Ukrainian the comparison speaks Ukrainian.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { screenshot, seriousViolations, serverAndBrowser, signIn } from "./harness.mjs";

let change; // { changedKey, removedKey, addedKey, place }

const env = serverAndBrowser({}, async (env) => {
  // ua-request as the demo wrote it (UTF-8 with a byte-order mark), one row per line.
  const text = readFileSync(join(env.server.workspace, "demo-scenario", "ua-request.csv"), "utf8").replace(/^\uFEFF/, "");
  const [header, ...rows] = text.split(/\r?\n/).filter((r) => r.length > 0);
  const plain = rows.filter((r) => !r.includes('"'));
  const changed = plain[0].split(",");
  const removed = plain[plain.length - 1].split(",");
  change = { changedKey: changed[0], removedKey: removed[0], addedKey: "9001", place: "Суми (Сумська обл.)" };
  changed[3] = change.place;
  const added = "9001,Ткаченко Марія Степанівна,14.03.1979,Полтава,,,,civilian,,ж,,";
  const next = rows
    .filter((r) => !r.startsWith(`${change.removedKey},`))
    .map((r) => (r.startsWith(`${change.changedKey},`) ? changed.join(",") : r));
  const file = join(env.server.dir, "ua-request-v2.csv");
  writeFileSync(file, "\uFEFF" + [header, ...next, added].join("\n") + "\n");
  env.server.parley("import", file, "--list", "ua-request", "--kind", "request", "--side", "ua", "--actor", "ua-clerk");
});

test("two versions compared: counts on top, then each record added, removed or changed, field by field", async () => {
  const page = await signIn(env.browser, env.server, "ua-clerk");
  await page.goto(`${env.server.url}/#/lists/ua-request`);
  const section = page.locator("section", { has: page.getByRole("heading", { name: "What changed from one version to another" }) });
  await section.getByLabel("From version").selectOption("1");
  await section.getByLabel("To version").selectOption("2");
  await section.getByRole("button", { name: "Compare" }).click();
  await section.getByRole("heading", { name: "Version 1 → version 2" }).waitFor();
  const counts = Object.fromEntries(
    await section.locator("dl.change-counts .count").evaluateAll((tiles) =>
      tiles.map((d) => [d.querySelector("dt").textContent, d.querySelector("dd").textContent])),
  );
  assert.equal(counts.Added, "1");
  assert.equal(counts.Removed, "1");
  assert.equal(counts.Changed, "1");
  assert.ok(Number(counts.Unchanged.replace(/\D/g, "")) > 10, JSON.stringify(counts));
  const rows = section.locator("table.changes tbody tr");
  assert.equal(await rows.count(), 3);
  assert.match(await rows.nth(0).innerText(), new RegExp(`added\\s+${change.addedKey}\\s+Ткаченко Марія Степанівна`));
  assert.match(await rows.nth(1).innerText(), new RegExp(`removed\\s+${change.removedKey}`));
  const changedRow = rows.nth(2);
  assert.match(await changedRow.innerText(), new RegExp(`changed\\s+${change.changedKey}`));
  assert.match(await changedRow.locator("ul.fields").innerText(), new RegExp(`^Birth place:\\s+(was\\s+)?.+\\s+→\\s+(now\\s+)?${change.place.replace(/[()]/g, "\\$&")}$`));
  // A record's number opens its card; the records listed are in the access log.
  const card = await changedRow.getByRole("link", { name: change.changedKey }).getAttribute("href");
  assert.match(card, /^#\/records\/\d+$/);
  const log = await env.server.api("ua-admin", "GET", `/records/${card.split("/").pop()}/access-log`);
  assert.ok(log.body.entries.some((e) => e.user === "ua-clerk" && e.action === "list-changes"), JSON.stringify(log.body));
  await screenshot(page, "list-changes", { maxHeight: 1800 });
  assert.deepEqual(await seriousViolations(page), []);
  // One kind at a time.
  await section.getByRole("link", { name: "Removed" }).click();
  await page.waitForFunction(() => document.querySelectorAll("table.changes tbody tr").length === 1);
  assert.match(await section.locator("table.changes tbody tr").innerText(), /removed/);
  assert.match(page.url(), /kind=removed/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("in Ukrainian the comparison speaks Ukrainian", async () => {
  const page = await signIn(env.browser, env.server, "ua-analyst", { language: "uk" });
  await page.goto(`${env.server.url}/#/lists/ua-request?from=1&to=2&kind=changed`);
  await page.getByRole("heading", { name: "Що змінилося між двома версіями" }).waitFor();
  await page.getByRole("heading", { name: "Версія 1 → версія 2" }).waitFor();
  const row = page.locator("table.changes tbody tr");
  await row.first().waitFor();
  assert.match(await row.innerText(), new RegExp(`змінено\\s+${change.changedKey}`));
  assert.match(await row.locator("ul.fields").innerText(), /Місце народження: /);
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("an administrator shares the list with the other side and stops sharing it, each after a confirming step", async () => {
  const shares = async () => (await env.server.api("ua-admin", "GET", "/lists/ua-request/shares")).body.shares;
  const seenByRu = async () =>
    (await env.server.api("ru-clerk", "GET", "/lists")).body.lists.some((l) => l.list === "ua-request");
  assert.equal(await seenByRu(), false);

  const page = await signIn(env.browser, env.server, "ua-admin");
  await page.goto(`${env.server.url}/#/lists/ua-request`);
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Sharing with the other side" }) });
  await section.getByText("Not shared with any side.").waitFor();
  await section.getByLabel("Side", { exact: true }).fill("ru");
  await section.getByRole("button", { name: "Share…" }).click();
  const confirm = section.getByRole("group", { name: "Share with ru" });
  assert.match(await confirm.innerText(), /Share the list ua-request with ru\? Its users will read every record of it\./);
  // The confirming button takes the focus: Enter confirms.
  await page.waitForFunction(() => document.activeElement?.textContent === "Yes, share");
  await page.keyboard.press("Enter");
  await section.getByRole("status").getByText("The list is now shared with ru.").waitFor();
  const row = section.locator("table.shares tbody tr", { hasText: "ru" });
  assert.match(await row.innerText(), /shared\s+ua-admin/);
  assert.equal((await shares())[0].active, true);
  assert.equal(await seenByRu(), true);
  assert.deepEqual(await seriousViolations(page), []);

  // Stopping: Cancel first gives the focus back, then confirm.
  await row.getByRole("button", { name: "Stop sharing with ru" }).click();
  await section.getByRole("button", { name: "Cancel" }).click();
  await page.waitForFunction(() => document.activeElement?.textContent === "Stop sharing with ru");
  await row.getByRole("button", { name: "Stop sharing with ru" }).click();
  await section.getByRole("button", { name: "Yes, stop sharing" }).click();
  await section.getByRole("status").getByText("The list is no longer shared with ru.").waitFor();
  await section.locator("table.shares tbody tr", { hasText: "sharing stopped" }).waitFor();
  assert.equal((await shares())[0].active, false);
  assert.equal(await seenByRu(), false);
  assert.deepEqual(page.problems, []);
  await page.context().close();

  // A clerk sees who it is shared with, and is offered nothing to change.
  const clerk = await signIn(env.browser, env.server, "ua-clerk");
  await clerk.goto(`${env.server.url}/#/lists/ua-request`);
  await clerk.locator("table.shares").waitFor();
  assert.equal(await clerk.getByRole("button", { name: /Share|Stop sharing/ }).count(), 0);
  await clerk.context().close();
});

test("the shown version downloads as a CSV file with its list's name and version", async () => {
  const page = await signIn(env.browser, env.server, "ua-clerk");
  await page.goto(`${env.server.url}/#/lists/ua-request?version=2`);
  const link = page.getByRole("link", { name: "Download version 2 as CSV" });
  await link.waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  assert.equal(download.suggestedFilename(), "ua-request-v2.csv");
  const bytes = readFileSync(await download.path());
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  assert.match(text.split("\n")[0], /^id,surname,given_name,patronymic/);
  assert.match(text, new RegExp(`\\n${change.addedKey},Ткаченко,Марія,Степанівна`));
  assert.ok(!text.includes(`\n${change.removedKey},`), "the removed person is not in version 2");
  assert.ok(await page.getByRole("link", { name: "Download version 2 as XLSX" }).isVisible());
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

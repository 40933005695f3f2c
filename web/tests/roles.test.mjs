// What each role and side sees: a party's user never sees the other side's unshared list; an
// observer is offered no upload; the language chosen stays chosen; the page runs under its
// strict Content-Security-Policy.
import assert from "node:assert/strict";
import { test } from "node:test";
import { seriousViolations, serverAndBrowser, signIn } from "./harness.mjs";

const env = serverAndBrowser();

test("a party's user never sees the other side's unshared list", async () => {
  const page = await signIn(env.browser, env.server, "ua-clerk");
  await page.locator("table.lists").waitFor();
  const names = await page.locator("table.lists tbody tr td:first-child").allInnerTexts();
  assert.ok(names.includes("ua-request"));
  assert.ok(!names.some((n) => n.startsWith("ru-")), names.join(", "));
  await page.goto(env.server.url + "/#/lists/ru-custody");
  await page.locator("[role=alert]").waitFor();
  assert.equal(await page.locator("table.records").count(), 0);
});

test("an observer is offered no upload and no review decisions", async () => {
  const page = await signIn(env.browser, env.server, "ua-observer");
  await page.locator("table.lists").waitFor();
  assert.equal(await page.getByRole("heading", { name: "Upload a list" }).count(), 0);
  assert.deepEqual(await seriousViolations(page), []);
});

test("the language chosen is kept for the next visit", async () => {
  const page = await signIn(env.browser, env.server, "ua-clerk", { language: "en" });
  await page.getByLabel("Language").selectOption("uk");
  await page.getByRole("heading", { name: "Списки" }).waitFor();
  await page.reload();
  await page.getByRole("heading", { name: "Списки" }).waitFor();
  await page.getByRole("link", { name: "Перевірка" }).waitFor({ state: "attached" }).catch(() => {});
  assert.equal(await page.evaluate(() => document.documentElement.lang), "uk");
});

test("the page is served under a strict CSP and runs without violating it", async () => {
  const response = await fetch(env.server.url + "/");
  const csp = response.headers.get("content-security-policy");
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  const page = await signIn(env.browser, env.server, "ua-clerk");
  await page.locator("table.lists").waitFor();
  assert.deepEqual(page.problems.filter((p) => /Content Security Policy/i.test(p)), []);
  const stored = await page.evaluate(() => JSON.stringify(localStorage));
  assert.doesNotMatch(stored, /csrf|session|token/i, "no secrets in localStorage");
});

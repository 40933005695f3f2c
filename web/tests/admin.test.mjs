// The admin pages: ua's admin adds a user with a made-up password and changes their role (a
// refused change is shown in the server's words), makes an API token for them that is shown
// once and works against the API, then revokes it (refused from then on); shares a list with
// ru and stops sharing it; finds in the access log the person card a user just opened. A user
// of another role sees no Admin link and is refused by the API at #/admin; in Ukrainian the
// page speaks Ukrainian. axe finds nothing serious on any admin view.
import assert from "node:assert/strict";
import { test } from "node:test";
import { screenshot, seriousViolations, serverAndBrowser, signIn } from "./harness.mjs";

const env = serverAndBrowser();

async function noSeriousViolations(page, view) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${view}`);
}

// GET /lists as a script holding `token`: its status.
async function listsWithToken(token) {
  const r = await fetch(`${env.server.url}/api/v1/lists`, { headers: { Authorization: `Bearer ${token}` } });
  return r.status;
}

test("an admin adds a user, changes their role, and a refusal is shown in the server's words", async () => {
  const page = await signIn(env.browser, env.server, "ua-admin");
  await page.locator("header.top").getByRole("link", { name: "Admin", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Administration" }).waitFor();
  const users = page.locator("table.admin-users");
  await users.waitFor();
  const names = await users.locator("tbody th[scope=row]").allInnerTexts();
  assert.ok(names.includes("ua-clerk"), names.join(", "));
  assert.ok(!names.some((n) => n.startsWith("ru-")), "a party's admin lists its own side's users");

  const add = page.locator("form.add-user");
  await add.getByLabel("User name").fill("ua-clerk-2");
  await add.getByLabel("Role").selectOption("observer");
  assert.equal(await add.getByLabel("Side").inputValue(), "ua");
  await add.getByRole("button", { name: "Make up a password" }).click();
  const password = await add.getByLabel(/^Password/).inputValue();
  assert.ok(password.length >= 10, password);
  await add.getByRole("button", { name: "Add the user" }).click();
  await add.getByRole("status").getByText("ua-clerk-2 added: observer of side ua.").waitFor();
  await users.locator("tr[data-user='ua-clerk-2']").waitFor();
  await noSeriousViolations(page, "users");
  await screenshot(page, "admin-users");

  // The made-up password signs the new user in.
  const login = await fetch(`${env.server.url}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: "ua-clerk-2", password }),
  });
  assert.equal(login.status, 200);
  assert.equal(await page.evaluate(() => JSON.stringify(localStorage).includes("ua-clerk-2")), false);

  // A role the side may not have: the server's refusal, and nothing changed.
  await page.getByRole("button", { name: "Change ua-clerk-2" }).click();
  const edit = page.locator("form.edit-user");
  await edit.getByLabel("Role").selectOption("interviewer");
  await edit.getByRole("button", { name: "Save the change" }).click();
  await edit.getByRole("alert").getByText("role interviewer exists only on the mediator's side").waitFor();
  // Then a clerk.
  await edit.getByLabel("Role").selectOption("clerk");
  await edit.getByRole("button", { name: "Save the change" }).click();
  await page.getByRole("status").getByText("ua-clerk-2 changed.").waitFor();
  const row = users.locator("tr[data-user='ua-clerk-2']");
  await row.getByText("clerk", { exact: true }).waitFor();
  const saved = (await env.server.api("ua-admin", "GET", "/users")).body.users.find((u) => u.name === "ua-clerk-2");
  assert.equal(saved.role, "clerk");
  assert.equal(saved.version, 2);

  // Disabled: the account says so and the password no longer signs in.
  await page.getByRole("button", { name: "Change ua-clerk-2" }).click();
  await edit.getByLabel(/^Disabled/).check();
  await edit.getByRole("button", { name: "Save the change" }).click();
  await row.locator("td.account.disabled").getByText("disabled").waitFor();
  const refused = await fetch(`${env.server.url}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: "ua-clerk-2", password }),
  });
  assert.equal(refused.status, 401);
  assert.deepEqual(page.problems, []);
});

test("a token is shown once, works as a bearer token, and is refused once revoked", async () => {
  const page = await signIn(env.browser, env.server, "ua-admin");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.url });
  await page.goto(`${env.server.url}/#/admin/users`);
  await page.getByRole("link", { name: "Tokens ua-clerk", exact: true }).click();
  await page.getByRole("heading", { name: "Tokens of ua-clerk" }).waitFor();
  assert.match(page.url(), /#\/admin\/tokens\?user=ua-clerk$/);
  await page.getByText("ua-clerk has no API tokens.").waitFor();

  await page.getByRole("button", { name: "Make a new token for ua-clerk" }).click();
  const once = page.locator(".shown-once");
  const field = once.getByLabel("The new token");
  await field.waitFor();
  const secret = await field.inputValue();
  assert.match(secret, /^pt_/);
  assert.match(await once.innerText(), /it will not be shown again/);
  // The page moves the focus after it renders: wait for it to arrive (or time out).
  await page.waitForFunction(() => document.activeElement?.getAttribute("name") === "new-token", null, { timeout: 5000 });
  await once.getByRole("button", { name: "Copy" }).click();
  await once.getByText("Copied.").waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);
  await noSeriousViolations(page, "tokens");
  await screenshot(page, "admin-tokens");

  // The secret works against the API as a script would send it.
  assert.equal(await listsWithToken(secret), 200);

  // Once dismissed, it is nowhere: not in the page, not after a reload, not in storage.
  await once.getByRole("button", { name: "Done, I have copied it" }).click();
  await once.waitFor({ state: "detached" });
  assert.equal((await page.content()).includes(secret), false);
  await page.reload();
  const table = page.locator("table.admin-tokens");
  await table.waitFor();
  assert.equal((await page.content()).includes(secret), false);
  const stored = await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage));
  assert.equal(stored.includes(secret), false);
  const tokenRow = table.locator("tbody tr").first();
  const id = await tokenRow.getAttribute("data-token");
  assert.equal(await tokenRow.locator("td.token-state").innerText(), "in use");

  // Revoking asks once more; Cancel gives the focus back.
  await tokenRow.getByRole("button", { name: `Revoke token No. ${id}` }).click();
  await tokenRow.getByRole("button", { name: "Cancel" }).click();
  await page.waitForFunction((want) => document.activeElement?.textContent === want, `Revoke token No. ${id}`,
                             { timeout: 5000 });
  await tokenRow.getByRole("button", { name: `Revoke token No. ${id}` }).click();
  await tokenRow.getByText(`Revoke token No. ${id} of ua-clerk?`).waitFor();
  await tokenRow.getByRole("button", { name: "Revoke now" }).click();
  await page.getByRole("status").getByText(`Token No. ${id} is revoked.`).waitFor();
  await table.locator(`tr[data-token='${id}'] td.token-state`).getByText("revoked").waitFor();
  assert.equal(await listsWithToken(secret), 401);
  await noSeriousViolations(page, "tokens after revoking");
  assert.deepEqual(page.problems, []);
});

test("an admin shares a list with the other side and stops sharing it", async () => {
  const ruSees = async () =>
    (await env.server.api("ru-analyst", "GET", "/lists")).body.lists.some((l) => l.list === "ua-request");
  assert.equal(await ruSees(), false);
  const page = await signIn(env.browser, env.server, "ua-admin");
  await page.goto(`${env.server.url}/#/admin/shares`);
  const row = page.locator("table.admin-shares tr[data-list='ua-request']");
  await row.waitFor();
  const lists = await page.locator("table.admin-shares tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.list));
  assert.ok(lists.every((l) => l.startsWith("ua-")), lists.join(", "));
  await row.getByText("not shared").waitFor();

  await row.getByLabel("Side to share ua-request with").fill("ru");
  await row.getByRole("button", { name: "Share ua-request" }).click();
  await page.getByRole("status").getByText("ua-request is now shared with ru.").waitFor();
  await row.locator("li[data-side='ru']").waitFor();
  assert.equal(await ruSees(), true);
  await noSeriousViolations(page, "shares");
  await screenshot(page, "admin-shares");

  await row.getByRole("button", { name: "Stop sharing ua-request with ru" }).click();
  await row.getByRole("button", { name: "Stop now" }).click();
  await page.getByRole("status").getByText("ua-request is no longer shared with ru.").waitFor();
  await row.locator("li[data-side='ru']").waitFor({ state: "detached" });
  assert.equal(await ruSees(), false);

  // Sharing again picks up the stopped share's version.
  await row.getByLabel("Side to share ua-request with").fill("ru");
  await row.getByRole("button", { name: "Share ua-request" }).click();
  await row.locator("li[data-side='ru']").waitFor();
  assert.equal(await ruSees(), true);
  // A list is always visible to its own side: the server says so.
  await row.getByLabel("Side to share ua-request with").fill("ua");
  await row.getByRole("button", { name: "Share ua-request" }).click();
  await page.getByRole("alert").getByText("a list is always visible to its own side").waitFor();
  assert.deepEqual(page.problems, []);
});

test("the access log, filtered by a user, shows the person card that user just opened", async () => {
  const records = await env.server.api("ua-observer", "GET", "/lists/ua-custody/versions/latest/records?limit=1");
  assert.equal(records.status, 200);
  const recordId = records.body.records[0].record_id;
  // ua-observer opens the card in the browser.
  const observer = await signIn(env.browser, env.server, "ua-observer");
  assert.equal(await observer.locator("header.top").getByRole("link", { name: "Admin" }).count(), 0);
  await observer.goto(`${env.server.url}/#/records/${recordId}`);
  await observer.locator("article.person").waitFor();

  const page = await signIn(env.browser, env.server, "ua-admin");
  await page.goto(`${env.server.url}/#/admin/access-log`);
  const table = page.locator("table.admin-access-log");
  await table.waitFor();
  await page.getByLabel("User", { exact: true }).fill("ua-observer");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/#\/admin\/access-log\?user=ua-observer$/);
  await table.locator(`tr[data-record='${recordId}']`).first().waitFor();
  const shownUsers = await table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.user));
  assert.ok(shownUsers.length > 0 && shownUsers.every((u) => u === "ua-observer"), shownUsers.join(", "));
  const opened = table.locator(`tr[data-record='${recordId}']`).filter({ hasText: "opened the record" });
  await opened.waitFor();
  assert.match(await opened.innerText(), /ua-custody · /);
  // Ids only: none of the record's fields.
  const person = (await env.server.api("mediator-admin", "GET", `/records/${recordId}`)).body;
  assert.equal((await table.innerText()).includes(person.surname), false);
  await noSeriousViolations(page, "access log");
  await screenshot(page, "admin-access-log");

  // And by record: every row is that record's; its number opens the card.
  await page.getByLabel("Record number").fill(String(recordId));
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(new RegExp(`record=${recordId}`));
  await table.locator("tbody tr").first().waitFor();
  const shownRecords = await table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.record));
  assert.ok(shownRecords.every((r) => r === String(recordId)), shownRecords.join(", "));
  await opened.getByRole("link", { name: String(recordId), exact: true }).click();
  await page.locator("article.person").waitFor();
  assert.match(page.url(), new RegExp(`#/records/${recordId}$`));
  assert.deepEqual(page.problems, []);
});

test("another role sees no Admin link and the API's refusal at #/admin", async () => {
  const page = await signIn(env.browser, env.server, "ua-clerk");
  await page.locator("table.lists").waitFor();
  assert.equal(await page.locator("header.top").getByRole("link", { name: "Admin" }).count(), 0);
  await page.goto(`${env.server.url}/#/admin`);
  await page.getByRole("alert").getByText("your role may not do this").waitFor();
  assert.equal(await page.locator("table.admin-users").count(), 0);
  await page.goto(`${env.server.url}/#/admin/access-log`);
  await page.getByRole("alert").getByText("your role may not do this").waitFor();
  assert.equal(await page.locator("table.admin-access-log").count(), 0);
  await noSeriousViolations(page, "a refused admin page");
});

test("in Ukrainian the admin pages speak Ukrainian", async () => {
  const page = await signIn(env.browser, env.server, "ua-admin", { language: "uk" });
  await page.getByLabel("Мова").selectOption("uk");
  await page.locator("header.top").getByRole("link", { name: "Адміністрування" }).click();
  await page.getByRole("heading", { level: 1, name: "Адміністрування" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Користувачі" }).waitFor();
  // The table comes with the users' answer, after the headings: wait for it, not only them.
  await page.locator("table.admin-users thead th").first().waitFor();
  const headers = await page.locator("table.admin-users thead th").allInnerTexts();
  assert.deepEqual(headers, ["Користувач", "Сторона", "Роль", "Обліковий запис", "Мова", "Востаннє змінено", "Дії"]);
  await page.getByRole("heading", { name: "Додати користувача" }).waitFor();
  await noSeriousViolations(page, "users in Ukrainian");
  await screenshot(page, "admin-uk");
  for (const [link, heading] of [
    ["Токени API", "Токени API"],
    ["Доступ до списків", "Доступ до списків"],
    ["Журнал доступу", "Журнал доступу"],
  ]) {
    await page.locator("nav.admin-sections").getByRole("link", { name: link }).click();
    await page.getByRole("heading", { level: 2, name: heading }).waitFor();
    await noSeriousViolations(page, `${link} in Ukrainian`);
  }
  await page.getByRole("button", { name: "Застосувати" }).waitFor();
  await page.locator("table.admin-access-log th", { hasText: "Дія" }).waitFor();
  // A refusal the interface has no whole sentence for: what kind it is and where, in
  // Ukrainian, then the server's own English words.
  await page.locator("nav.admin-sections").getByRole("link", { name: "Доступ до списків" }).click();
  const row = page.locator("table tbody tr", { hasText: "ua-request" });
  await row.getByLabel("Сторона, якій надати доступ до ua-request").fill("ua");
  await row.getByRole("button", { name: "Надати доступ ua-request" }).click();
  await page.getByRole("alert").getByText(
    "Сервер не прийняв цього (поле side). Словами сервера (англійською): «a list is always visible to its own side»",
    { exact: false }).waitFor();
  assert.deepEqual(page.problems, []);
});

// A clerk uploads a list with a bad row (nothing is imported, the row is named), then the
// corrected file (a new list appears). In each of the three languages the page is usable and
// axe finds nothing serious.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { screenshot, seriousViolations, serverAndBrowser, signIn } from "./harness.mjs";

const env = serverAndBrowser();

const header = "Прізвище,Ім'я,По батькові,Дата народження\n";
const goodRows = "Шевченко,Дмитро,Олександрович,02.01.1990\nКоваль,Іван,Петрович,15.11.1985\n";
const badRow = "Мельник,Олег,Іванович,31.13.1984\n";

test("a bad row refuses the whole file and names its row, column and reason", async () => {
  const page = await signIn(env.browser, env.server, "ua-clerk");
  const file = join(env.server.dir, "new-requests.csv");
  writeFileSync(file, header + goodRows + badRow);
  await page.getByLabel("File (CSV or XLSX)").setInputFiles(file);
  await page.getByLabel("List name").fill("ua-new-requests");
  await page.getByLabel("Kind").selectOption("request");
  await page.getByRole("button", { name: "Upload" }).click();
  const report = page.locator(".report.refused");
  await report.waitFor();
  assert.match(await report.innerText(), /Nothing was imported/);
  const row = report.locator("tbody tr");
  assert.equal(await row.count(), 1);
  assert.deepEqual(await row.locator("td").allInnerTexts(), [
    "4",
    "Дата народження",
    "invalid birth date: date '31.13.1984' has month 13, which does not exist; if day and month are swapped, write DD.MM.YYYY",
  ]);
  await screenshot(page, "lists-upload-refused");
  const lists = await env.server.api("ua-clerk", "GET", "/lists");
  assert.ok(!lists.body.lists.some((l) => l.list === "ua-new-requests"), "nothing was imported");

  writeFileSync(file, header + goodRows);
  await page.getByLabel("File (CSV or XLSX)").setInputFiles(file);
  await page.getByRole("button", { name: "Upload" }).click();
  await page.locator(".report.done").waitFor();
  assert.match(await page.locator(".report.done").innerText(),
               /Imported 2 records as version 1 of ua-new-requests/);
  await page.getByRole("link", { name: "ua-new-requests" }).waitFor();
  await screenshot(page, "lists");
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(page.problems, []);
});

test("the list page shows the versions and the records, in Ukrainian and Russian too", async () => {
  for (const [language, heading, surname] of [
    ["en", "Versions", "Surname"],
    ["uk", "Версії", "Прізвище"],
    ["ru", "Версии", "Фамилия"],
  ]) {
    const page = await signIn(env.browser, env.server, "ua-clerk", { language });
    await page.getByRole("link", { name: "ua-request" }).click();
    await page.getByRole("heading", { name: heading, exact: true }).waitFor();
    await page.getByRole("columnheader", { name: surname }).waitFor();
    assert.ok((await page.locator("table.records tbody tr").count()) > 10);
    if (language === "uk") await screenshot(page, "list-uk");
    assert.deepEqual(await seriousViolations(page), [], language);
    assert.deepEqual(page.problems, [], language);
    await page.context().close();
  }
});

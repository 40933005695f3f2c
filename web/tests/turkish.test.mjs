// The interface in Turkish, as the mediator's staff read it: a Turkish browser gets the sign-in
// page in Turkish; a mediator's analyst picks Türkçe and the header, lists, a list and a person
// card, review, plans, agreements and the handover console all speak it, with dates as Turkish
// writes them (5 Mar 1987) and every Cyrillic name followed by its romanisation. The choice is
// kept with the user by the server: it survives a reload and follows them to a browser set to
// English. axe finds nothing serious on any page visited, and no page logs an error.
import assert from "node:assert/strict";
import { test } from "node:test";
import { screenshot, seriousViolations, serverAndBrowser, signIn } from "./harness.mjs";

const env = serverAndBrowser({ reviewQueue: true });
const user = "mediator-analyst";

// Turkish month abbreviations as Intl writes a medium date ("5 Oca 1987").
const months = ["Oca", "Şub", "Mar", "Nis", "May", "Haz", "Tem", "Ağu", "Eyl", "Eki", "Kas", "Ara"];
const month = `(?:${months.join("|")})`;
const turkishDateTime = new RegExp(`\\d{1,2} ${month} \\d{4} \\d{2}:\\d{2}`);

// A date from the API ("YYYY-MM-DD", or partial and then shown as it is) as the page writes it.
function turkishDate(iso) {
  const parts = (iso ?? "").split("-");
  if (parts.length < 3) return iso ?? "";
  return `${Number(parts[2])} ${months[Number(parts[1]) - 1]} ${parts[0]}`;
}

const cyrillic = /[\u0400-\u04FF]/;
const latinOnly = /^[A-Za-z' -]+$/;

async function clean(page, view) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${view}`);
}

function nav(page, name) {
  return page.getByRole("navigation", { name: "main" }).getByRole("link", { name, exact: true });
}

// The user's language as the server keeps it (GET /api/v1/session, asked by the page itself).
async function serverLanguage(page) {
  return page.evaluate(async () => {
    const r = await fetch("/api/v1/session", { credentials: "same-origin" });
    return (await r.json()).user?.language ?? null;
  });
}

test("a Turkish browser gets the sign-in page in Turkish", async () => {
  const context = await env.browser.newContext({ locale: "tr-TR" });
  const page = await context.newPage();
  await page.goto(env.server.url + "/");
  await page.getByRole("heading", { level: 1, name: "Oturum açın" }).waitFor();
  await page.getByLabel("Kullanıcı adı").waitFor();
  await page.getByLabel("Parola").waitFor();
  await page.getByRole("button", { name: "Oturum aç", exact: true }).waitFor();
  assert.equal(await page.getByLabel("Dil").inputValue(), "tr");
  assert.equal(await page.locator("select option[value=tr]").innerText(), "Türkçe");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "tr");
  await clean(page, "sign-in");
  await context.close();
});

test("a mediator's analyst works in Turkish: header, lists, a person card, review, plans, agreements and the handover day", async () => {
  const page = await signIn(env.browser, env.server, user, { language: "tr" });
  // The browser's Turkish is only a preference: the user has chosen nothing yet. Choosing
  // another language and then Türkçe is what keeps it with the user.
  const picker = page.getByLabel("Dil");
  assert.equal(await picker.inputValue(), "tr");
  // The first choice's PUT is held back on its way, as a slow network may: the later choice
  // must still be the one kept.
  await page.route("**/api/v1/session/language", async (route) => {
    if (route.request().postDataJSON()?.language === "en") await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  const languageSaved = (code) => page.waitForResponse((r) =>
    r.url().endsWith("/api/v1/session/language") && r.request().method() === "PUT" &&
    r.request().postDataJSON()?.language === code);
  const english = languageSaved("en");
  await picker.selectOption("en");
  await page.getByRole("heading", { level: 1, name: "Lists" }).waitFor();
  const turkish = languageSaved("tr");
  await page.getByLabel("Language").selectOption({ label: "Türkçe" });
  assert.ok((await english).ok() && (await turkish).ok(), "the server keeps the choices");
  assert.equal(await serverLanguage(page), "tr");

  // The header.
  await page.getByRole("heading", { level: 1, name: "Listeler" }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "tr");
  const links = await page.getByRole("navigation", { name: "main" }).getByRole("link").allInnerTexts();
  for (const word of ["Listeler", "İnceleme", "Kişi", "Anlaşmalar", "Planlar", "Teslim günü"]) {
    assert.ok(links.includes(word), `${word} in ${links.join(", ")}`);
  }
  assert.match(await page.locator("header.top .who").innerText(), /^mediator-analyst · analist · /);
  await page.locator("header.top").getByRole("button", { name: "Oturumu kapat" }).waitFor();

  // The lists: Turkish columns, kinds and dates.
  const lists = page.locator("table.lists");
  await lists.waitFor();
  assert.deepEqual(await lists.locator("thead th").allInnerTexts(),
    ["Liste", "Tür", "Taraf", "Sürüm", "Kayıtlar", "İçe aktarıldı"]);
  const request = lists.locator("tbody tr", { has: page.getByRole("link", { name: "ua-request", exact: true }) });
  assert.match(await request.locator("td").nth(1).innerText(), /^talep edilenler$/);
  assert.match(await request.locator("td").nth(5).innerText(), new RegExp(`^${turkishDateTime.source} aktaran: `));
  await clean(page, "lists");

  // A list: its records, each Cyrillic name with its romanisation, birth dates in Turkish.
  await page.getByRole("link", { name: "ua-request", exact: true }).click();
  await page.getByRole("heading", { level: 2, name: "Sürümler" }).waitFor();
  const records = page.locator("table.records");
  await records.locator("tbody tr").first().waitFor();
  const headers = await records.locator("thead th").allInnerTexts();
  const surnameAt = headers.indexOf("Soyadı");
  const bornAt = headers.indexOf("Doğum tarihi");
  assert.ok(surnameAt > 0 && bornAt > 0, headers.join(", "));
  const api = (await env.server.api(user, "GET", "/lists/ua-request/versions/latest/records?limit=100&offset=0")).body.records;
  const row = records.locator("tbody tr", { has: page.locator("span.latin") }).first();
  const id = await row.locator("td").first().innerText();
  const record = api.find((r) => String(r.id) === id);
  assert.ok(record, `record ${id} of ua-request`);
  const surname = row.locator("td").nth(surnameAt);
  assert.equal(await surname.evaluate((td) => td.firstChild?.textContent ?? ""), record.surname);
  assert.match(record.surname, cyrillic);
  assert.equal(await surname.locator(".latin").innerText(), record.name_latin.surname);
  assert.match(record.name_latin.surname, latinOnly);
  assert.equal(await row.locator("td").nth(bornAt).innerText(), turkishDate(record.birth_date));
  await clean(page, "a list");

  // Its person card: the whole name and its romanisation as the heading.
  await row.locator("td").first().getByRole("link").click();
  const heading = page.getByRole("heading", { level: 1 });
  await heading.locator(".latin").waitFor();
  assert.ok((await heading.innerText()).startsWith(record.surname), await heading.innerText());
  assert.ok((await heading.locator(".latin").innerText()).startsWith(record.name_latin.surname));
  await page.getByRole("heading", { level: 2, name: "Kaydın sürümleri" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "İmzalı geçmiş" }).waitFor();
  await clean(page, "a person card");

  // Review: the pair side by side, names romanised, the probability with a decimal comma.
  const queue = await env.server.api(user, "GET", "/links?state=needs_review&limit=1");
  const first = queue.body.links[0];
  await nav(page, "İnceleme").click();
  await page.getByRole("heading", { level: 1, name: "İnceleme sırası" }).waitFor();
  await page.locator(".pair").waitFor();
  const probability = first.probability.toFixed(3).replace(".", ",");
  assert.equal(await page.locator(".pair .position").innerText(),
    `1 / ${new Intl.NumberFormat("tr").format(queue.body.total)} · Olasılık ${probability} · inceleme bekliyor`);
  const pairRows = page.locator(".side-by-side tbody tr");
  const surnames = pairRows.filter({ has: page.getByRole("rowheader", { name: "Soyadı", exact: true }) });
  assert.equal(await surnames.locator("td").first().locator(".latin").innerText(), first.left.name_latin.surname);
  if (first.left.birth_date) {
    const born = pairRows.filter({ has: page.getByRole("rowheader", { name: "Doğum tarihi", exact: true }) });
    assert.equal(await born.locator("td").first().innerText(), turkishDate(first.left.birth_date));
  }
  for (const button of ["Kabul et", "Reddet", "Emin değilim", "Geri al", "Not"]) {
    await page.locator(".pair .actions").getByRole("button", { name: new RegExp(`^${button}`) }).waitFor();
  }
  await clean(page, "review");
  await screenshot(page, "review-tr");

  // Plans: the list, then a plan with its balance, people and an explanation in English.
  await nav(page, "Planlar").click();
  await page.getByRole("heading", { level: 1, name: "Planlar" }).waitFor();
  const plans = page.locator("table.plans-list");
  await plans.locator("tbody tr").first().waitFor();
  assert.deepEqual(await plans.locator("thead th").allInnerTexts(),
    ["Plan", "Durum", "Anlaşma", "Taraflar", "Teslim edecek", "Kabul ve imza", "Oluşturulma"]);
  const plan1 = plans.locator("tr[data-plan='1']");
  assert.match(await plan1.innerText(), /imzalandı/);
  assert.match(await plan1.locator("td").last().innerText(), turkishDateTime);
  await clean(page, "plans");
  await page.getByRole("link", { name: "Plan 1", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Plan 1" }).waitFor();
  await page.getByRole("heading", { name: "Aşamalara göre denge" }).waitFor();
  await page.getByRole("heading", { name: "Kim ne zaman gidiyor" }).waitFor();
  await page.getByText(/^([1-9][\d.]*) \/ \1 kişi$/).first().waitFor();
  const person = page.locator("table.people tbody tr[data-person]").first();
  assert.match(await person.locator("td").first().innerText(), new RegExp(`^(\\d{1,2} ${month} \\d{4}|\\d{4}(-\\d{2})?)$`));
  const why = person.getByRole("button", { name: /^Neden\?/ });
  await why.click();
  await page.locator("tr.why-row .why .verdict").waitFor();
  assert.match(await page.locator("tr.why-row .why").innerText(), /Aşağıdaki açıklama sunucunun kendi sözleriyledir \(İngilizce\)\./);
  assert.equal(await page.locator("tr.why-row .why .verdict").getAttribute("lang"), "en");
  await clean(page, "a plan");

  // Agreements: the list and the demo's agreement, in force, signed on Turkish dates.
  const agreement = (await env.server.api(user, "GET", "/agreements")).body.agreements[0];
  await nav(page, "Anlaşmalar").click();
  await page.getByRole("heading", { level: 1, name: "Anlaşmalar" }).waitFor();
  const agreements = page.locator("table.agreements");
  await agreements.locator("tbody tr").first().waitFor();
  assert.match(await agreements.locator("tbody tr").filter({ hasText: agreement.name }).innerText(), /yürürlükte/);
  await clean(page, "agreements");
  await page.getByRole("link", { name: agreement.name, exact: true }).click();
  await page.getByRole("heading", { name: "Sade bir dille" }).waitFor();
  await page.getByText("Sunucu bu özeti İngilizce yazar.").waitFor();
  assert.equal(await page.locator(".summary").getAttribute("lang"), "en");
  await page.getByRole("heading", { name: "Taraflar ve imzalar" }).waitFor();
  for (const party of ["a", "b"]) {
    const signed = page.locator(`ul.parties li[data-party=${party}] .signature-state`);
    assert.match(await signed.innerText(), new RegExp(`^imzalayan: \\S+, ${turkishDateTime.source}$`));
  }
  await clean(page, "an agreement");

  // The handover day: phases, directions and people, each with the romanisation of the name.
  await nav(page, "Teslim günü").click();
  await page.getByRole("heading", { level: 1, name: "Teslim günü" }).waitFor();
  await page.locator(".people .detail").filter({ hasText: /^([1-9][\d.]*) \/ \1 kişi$/ }).waitFor();
  await page.getByRole("radio", { name: "1. aşama" }).waitFor();
  await page.getByRole("group", { name: "Kim kime teslim ediyor" }).waitFor();
  // A person whose romanised surname has an i (typed below on a Turkish keyboard).
  const tile = page.locator("li.person", { has: page.locator(".latin", { hasText: /^\S*[iI]/ }) }).first();
  const recordId = await tile.getAttribute("data-record");
  const shown = (await env.server.api(user, "GET", `/records/${recordId}`)).body;
  const latin = await tile.locator(".latin").innerText();
  assert.equal(latin, [shown.name_latin.surname, shown.name_latin.given_name, shown.name_latin.patronymic].filter(Boolean).join(" "));
  assert.match(await tile.locator(".name").innerText(), cyrillic);
  if (shown.birth_date) {
    await tile.locator(".facts").getByText(turkishDate(shown.birth_date), { exact: true }).waitFor();
  }
  // Found by its romanisation typed on a Turkish keyboard: a capital İ and a dotless ı for i.
  const typed = latin.split(" ")[0].replace(/i/g, "ı").replace(/^I/, "İ");
  assert.notEqual(typed, latin.split(" ")[0]);
  await page.getByLabel("Ad, doğum tarihi veya numarayla bulun").fill(typed);
  await page.waitForFunction(() => {
    const m = /^([\d.]+) \/ ([\d.]+) kişi$/.exec(document.querySelector(".people p.detail[aria-live]")?.textContent ?? "");
    return m !== null && m[1] !== m[2];
  });
  assert.equal(await page.locator(`li.person[data-record="${recordId}"]`).count(), 1);
  await clean(page, "the handover day");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("Turkish stays chosen: after a reload, and in a browser set to English, from the server", async () => {
  const page = await signIn(env.browser, env.server, user, { language: "tr" });
  await page.getByRole("heading", { level: 1, name: "Listeler" }).waitFor();
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Listeler" }).waitFor();
  assert.equal(await page.getByLabel("Dil").inputValue(), "tr");
  assert.equal(await serverLanguage(page), "tr");
  assert.deepEqual(page.problems, []);
  await page.context().close();

  // Nothing of this browser's: an English one signs in and is answered in Turkish.
  const english = await signIn(env.browser, env.server, user, { language: "en" });
  await english.getByRole("heading", { level: 1, name: "Listeler" }).waitFor();
  assert.equal(await english.evaluate(() => document.documentElement.lang), "tr");
  assert.equal((await env.server.api(user, "GET", "/session")).body.user.language, "tr");
  await clean(english, "lists after signing in from an English browser");
  assert.deepEqual(english.problems, []);
  await english.context().close();
});

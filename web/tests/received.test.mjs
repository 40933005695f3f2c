// A list the mediator received from a party (parley bundle import): the list page says where it
// came from (node, its list and version, bundle, checkpoint) and which fields the sender
// withheld, and the lists page marks it received instead of naming who imported it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parley, seriousViolations, serverAndBrowser, signIn } from "./harness.mjs";
import { spawnSync } from "node:child_process";

function run(args) {
  const r = spawnSync(parley, args, { encoding: "utf8" });
  assert.equal(r.status, 0, `${args.join(" ")}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const env = serverAndBrowser({ people: 50 }, async (env) => {
  // A second node, ru's, with its own key: it imports its custody list and discloses it.
  const ru = join(env.server.dir, "ru-node");
  run(["init", "--node", "ru", "--workspace", ru]);
  const custody = join(env.server.workspace, "demo-scenario", "ru-custody.csv");
  run(["import", custody, "--list", "ru-custody", "--kind", "custody", "--side", "ru", "--workspace", ru]);
  const bundle = join(env.server.dir, "ru.bundle");
  run(["bundle", "export", "--for", "mediator", "--out", bundle, "--workspace", ru]);
  env.server.parley("keys", "trust", join(ru, "keys", "ru.pub"));
  env.server.parley("bundle", "import", bundle);
  env.bundleSha = (await import("node:crypto")).createHash("sha256").update(readFileSync(bundle)).digest("hex");
});

test("the list page of a received list says where it came from", async () => {
  const page = await signIn(env.browser, env.server, "mediator-analyst");
  await page.goto(`${env.server.url}/#/lists/ru.ru-custody`);
  const note = page.locator("section.received-note");
  await note.waitFor();
  const text = await note.innerText();
  assert.match(text, /Received from node ru \(its list ru-custody, version 1\)/);
  assert.ok(text.includes(env.bundleSha.slice(0, 16)), text);
  assert.match(text, /Withheld by the sender \(absent, not empty\): .*notes/);
  assert.deepEqual(await seriousViolations(page), []);

  await page.goto(`${env.server.url}/#/lists`);
  const row = page.getByRole("row", { name: /ru\.ru-custody/ });
  await row.waitFor();
  assert.match(await row.innerText(), /received from ru, read-only/);
  assert.deepEqual(page.problems, []);
});

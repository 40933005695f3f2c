// The browser UI's figures (issue 13), each beside a same-run baseline, on loopback:
//   - first render of the review queue and of a 10,000-person list: from the navigation's start
//     to the first pair / the first record in the page, opened in a new tab's way (about:blank,
//     then the address) and from another page of the UI; baselines: an empty page of the same
//     origin opened the same way (the browser's floor), and the page's own API call alone,
//     fetched from the same signed-in page;
//   - a review decision to the next pair on screen (p50, p95 over 60 decisions); baseline:
//     the decision's POST alone, made through the same page;
//   - the JavaScript and CSS shipped, gzip-compressed as the server sends them.
// usage: node bench/ui_bench.mjs [--people N (1500)] [--list-rows N]   (PARLEY_BIN names the binary)
import { spawnSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser, Server, signIn } from "../web/tests/harness.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) =>
  args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback;
const listRows = option("--list-rows", 10000);

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (v) => `${v.toFixed(1)} ms`;

let floor;
const server = await Server.start({ people: option("--people", 1500), reviewQueue: true });
const browser = await launchBrowser();
try {
  const file = join(server.dir, "big.csv");
  spawnSync("python3", [join(dirname(fileURLToPath(import.meta.url)), "gen_list.py"), String(listRows), file],
            { stdio: "inherit" });
  server.parley("import", file, "--list", "ua-big", "--kind", "request", "--side", "ua");

  const page = await signIn(browser, server, "mediator-analyst");
  // Each page records, from the navigation's start, when an element first matches each selector
  // (a mutation observer added through the DevTools protocol, outside the page's CSP), so the
  // figures carry no round trip between this script and the browser.
  const watched = ["table.records tbody tr", ".pair", "#empty"];
  await page.context().addInitScript((selectors) => {
    window.__seen = {};
    new MutationObserver(() => {
      for (const s of selectors) {
        if (!(s in window.__seen) && document.querySelector(s)) window.__seen[s] = performance.now();
      }
    }).observe(document, { childList: true, subtree: true });
  }, watched);
  // The browser's own floor: an empty page with the UI's security headers (the opener policy
  // alone makes the browser start a new process), opened the same way, from a second loopback
  // server. Not through page.route: an intercepted route makes the browser hold every request
  // of the page for the test driver, which would slow the UI's own requests too.
  const uiHeaders = Object.fromEntries([...(await fetch(server.url + "/")).headers]
    .filter(([name]) => /^(content-security-policy|cross-origin-opener-policy|referrer-policy|x-frame-options|x-content-type-options)$/.test(name)));
  floor = createServer((request, response) => {
    response.writeHead(200, { "Content-Type": "text/html", ...uiHeaders });
    response.end("<!doctype html><title>-</title><p id=empty>-</p>");
  });
  await new Promise((resolve) => floor.listen(0, "127.0.0.1", resolve));
  const floorUrl = `http://127.0.0.1:${floor.address().port}/empty-baseline`;
  const coldOpen = async (address, selector) => {
    await page.goto("about:blank");
    await page.goto(address);
    await page.locator(selector).first().waitFor();
    return page.evaluate((s) => window.__seen[s], selector);
  };
  // Moving to the page from another page of the UI (the usual way): the address's hash changes.
  const inApp = (hash, selector) =>
    page.evaluate(async ([h, s]) => {
      const t0 = performance.now();
      location.hash = h;
      await new Promise((resolve) => {
        const check = () => (document.querySelector(s) ? resolve() : requestAnimationFrame(check));
        check();
      });
      return performance.now() - t0;
    }, [hash, selector]);
  const fetchTime = (path) =>
    page.evaluate(async (p) => {
      const t0 = performance.now();
      await (await fetch(`/api/v1${p}`)).text();
      return performance.now() - t0;
    }, path);

  const rounds = 9;
  const figures = { listCold: [], listInApp: [], listApi: [], queueCold: [], queueInApp: [], queueApi: [], empty: [] };
  for (let i = 0; i < rounds; i++) {
    figures.empty.push(await coldOpen(floorUrl, "#empty"));
    figures.listCold.push(await coldOpen(`${server.url}/#/lists/ua-big`, "table.records tbody tr"));
    figures.listApi.push(await fetchTime("/lists/ua-big/versions/latest/records?limit=100&offset=0"));
    figures.queueCold.push(await coldOpen(`${server.url}/#/review`, ".pair"));
    figures.queueApi.push(await fetchTime("/links?state=needs_review&limit=50"));
    await page.evaluate(() => { location.hash = "#/lists"; });
    await page.locator("table").first().waitFor();
    figures.listInApp.push(await inApp("#/lists/ua-big", "table.records tbody tr"));
    await page.evaluate(() => { location.hash = "#/lists"; });
    await page.locator("table").first().waitFor();
    figures.queueInApp.push(await inApp("#/review", ".pair"));
  }

  await page.goto(`${server.url}/#/review`);
  await page.locator(".pair").waitFor();
  const nextPair = [];
  const waiting = (await server.api("mediator-analyst", "GET", "/links?state=needs_review&limit=1")).body.total;
  if (waiting < 62) throw new Error(`only ${waiting} pairs wait for review; run with more --people`);
  for (let i = 0; i < 60; i++) {
    const before = await page.locator(".pair .position").innerText();
    const t0 = Date.now();
    await page.keyboard.press(i % 2 ? "r" : "a");
    await page.waitForFunction((b) => document.querySelector(".pair .position")?.textContent !== b, before);
    nextPair.push(Date.now() - t0);
  }
  const queue = await server.api("mediator-analyst", "GET", "/links?state=needs_review&limit=60");
  const postBase = [];
  for (const link of queue.body.links) {
    postBase.push(await page.evaluate(async (l) => {
      const session = await (await fetch("/api/v1/session")).json();
      const t0 = performance.now();
      await fetch(`/api/v1/links/${l.id}/decision`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": session.csrf_token },
        body: JSON.stringify({ decision: "accept", expected_version: l.version }),
      });
      return performance.now() - t0;
    }, link));
  }

  const index = await (await fetch(server.url + "/")).text();
  const assets = [...index.matchAll(/\/assets\/[^"]+/g)].map((m) => m[0]);
  let shipped = 0;
  for (const a of assets) shipped += gzipSync(Buffer.from(await (await fetch(server.url + a)).arrayBuffer())).length;

  const median = (v) => quantile(v, 0.5);
  const m = (k) => ms(median(figures[k]));
  console.log(`an empty page with the UI's headers from a second loopback server, opened in a tab: median ${m("empty")} (the browser's floor)`);
  console.log(`first render, ${listRows}-person list: opened in a tab ${m("listCold")}, from another page ${m("listInApp")} ` +
              `(its API page alone: ${m("listApi")})`);
  console.log(`first render, review queue: opened in a tab ${m("queueCold")}, from another page ${m("queueInApp")} ` +
              `(its API page alone: ${m("queueApi")})`);
  console.log(`decision to next pair: p50 ${ms(median(nextPair))}, p95 ${ms(quantile(nextPair, 0.95))} ` +
              `(the decision POST alone: p50 ${ms(median(postBase))}, p95 ${ms(quantile(postBase, 0.95))})`);
  console.log(`shipped (gzip): ${(shipped / 1024).toFixed(1)} KB in ${assets.length} files`);
} finally {
  floor?.close();
  await browser.close();
  await server.stop();
}

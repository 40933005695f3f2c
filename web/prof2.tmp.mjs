import { launchBrowser } from "./tests/harness.mjs";
import { chromium } from "playwright-core";
const browser = await launchBrowser();
const ctx = await browser.newContext();
const page = await ctx.newPage();
await page.goto("http://127.0.0.1:18778/");
const P = process.env.PW;
await page.evaluate(async (p) => { await fetch("/api/v1/session", {method:"POST", headers:{"Content-Type":"application/json"}, body: JSON.stringify({name:"mediator-analyst", password:p})}); }, P);
for (const path of ["/session", "/lists/ua-big/versions/latest/records?limit=100&offset=0", "/lists"]) {
  const ts = [];
  for (let i = 0; i < 8; i++) ts.push(await page.evaluate(async (p) => { const t0 = performance.now(); await (await fetch(`/api/v1${p}`)).text(); return performance.now() - t0; }, path));
  console.log(path, ts.map((t) => t.toFixed(1)).join(" "));
}
await browser.close();

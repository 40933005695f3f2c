// What every browser test needs: a real workspace (`parley demo`, which also adds one user per
// role and side: ua-clerk, mediator-analyst, ...), the real `parley serve` on a loopback port,
// and Debian's Chromium driven by playwright-core.
// PARLEY_BIN names the binary (ctest sets it); screenshots go to PARLEY_UI_SHOTS when set
// (docs/ui.md is made from them), else nowhere.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
// The demo users' one password (demo-users.txt of the workspace).
export let password = "";
export const parley = process.env.PARLEY_BIN ?? join(dirname(fileURLToPath(import.meta.url)), "../../build/release/bin/parley");

function run(args, options = {}) {
  const r = spawnSync(parley, args, { encoding: "utf8", ...options });
  if (r.status !== 0) throw new Error(`parley ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export class Server {
  // reviewQueue: the demo decides almost every pair itself, so a second copy of two of its
  // lists is reconciled with nothing accepted below certainty, leaving dozens for review.
  static async start({ people = 300, reviewQueue = false } = {}) {
    const dir = mkdtempSync(join(tmpdir(), "parley-web-"));
    const workspace = join(dir, "ws");
    run(["demo", "--people", String(people), "--workspace", workspace]);
    if (reviewQueue) {
      const scenario = join(workspace, "demo-scenario");
      run(["import", join(scenario, "ua-request.csv"), "--list", "ua-request-again", "--kind",
           "request", "--side", "ua", "--workspace", workspace]);
      run(["import", join(scenario, "ru-custody.csv"), "--list", "ru-custody-again", "--kind",
           "custody", "--side", "ru", "--workspace", workspace]);
      run(["reconcile", "ua-request-again", "ru-custody-again", "--auto-accept", "1",
           "--workspace", workspace]);
    }
    const usersFile = readFileSync(join(workspace, "demo-users.txt"), "utf8");
    password = /^password (\S+)$/m.exec(usersFile)[1];
    const process_ = spawn(parley, ["serve", "--listen", "127.0.0.1:0", "--workspace", workspace],
                           { stdio: ["ignore", "pipe", "inherit"] });
    const url = await new Promise((resolve, reject) => {
      let seen = "";
      process_.stdout.on("data", (chunk) => {
        seen += chunk;
        const m = /listening on (http:\/\/[0-9.]+:\d+)/.exec(seen);
        if (m) resolve(m[1]);
      });
      process_.on("exit", (code) => reject(new Error(`parley serve exited with ${code}: ${seen}`)));
    });
    return new Server(dir, workspace, process_, url);
  }

  constructor(dir, workspace, process_, url) {
    Object.assign(this, { dir, workspace, process: process_, url });
  }

  // The API as a user would call it from a script (for checking what the browser did).
  async api(user, method, path, body) {
    const login = await fetch(`${this.url}/api/v1/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: user, password }),
    });
    const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const { csrf_token } = await login.json();
    const r = await fetch(`${this.url}/api/v1${path}`, {
      method,
      headers: { Cookie: cookie, "X-CSRF-Token": csrf_token, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : undefined };
  }

  parley(...args) {
    return run([...args, "--workspace", this.workspace]);
  }

  async stop() {
    this.process.kill("SIGTERM");
    await new Promise((resolve) => this.process.on("exit", resolve));
    rmSync(this.dir, { recursive: true, force: true });
  }
}

// A test file's fixture: a server on a fresh demo workspace and one browser, made before the
// file's tests (then `setup(env)`, for what the file needs on top) and removed after them.
export function serverAndBrowser(options = {}, setup = async () => {}) {
  const env = { server: undefined, browser: undefined };
  before(async () => {
    env.server = await Server.start(options);
    env.browser = await launchBrowser();
    await setup(env);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.PARLEY_CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

// A signed-in page for `user`, in `language`, with every console error and CSP violation
// collected so that a test can insist there were none. The browser's own notes of HTTP error
// statuses are left out: the UI meets 401 before sign-in and 400 or 409 by design, and each
// test checks what the page shows for them.
export async function signIn(browser, server, user, { language = "en" } = {}) {
  const context = await browser.newContext({ locale: language, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) page.problems.push(m.text());
  });
  page.on("pageerror", (e) => page.problems.push(String(e)));
  await page.goto(server.url + "/");
  await page.getByLabel(/user name|ім'я користувача|имя пользователя|kullanıcı adı/i).fill(user);
  await page.getByLabel(/password|пароль|parola/i).fill(password);
  await page.getByRole("button", { name: /sign in|увійти|войти|oturum aç/i }).click();
  await page.locator("header.top").waitFor();
  return page;
}

const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

// axe-core on the page as it is now: the serious and critical violations (none is allowed).
// The script is evaluated through the DevTools protocol, which the page's CSP does not govern,
// so the test needs no exception in the policy it checks.
export async function seriousViolations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

// The page for docs/ui, when PARLEY_UI_SHOTS names a folder: the whole page, cut at
// `maxHeight` pixels so that a long table does not make a 5,000-pixel picture.
export async function screenshot(page, name, { maxHeight = 1600 } = {}) {
  if (!process.env.PARLEY_UI_SHOTS) return;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const width = page.viewportSize()?.width ?? 1280;
  await page.screenshot({
    path: join(process.env.PARLEY_UI_SHOTS, `${name}.png`),
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.min(height, maxHeight) },
  });
}

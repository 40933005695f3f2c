// Builds the browser UI into --outdir (default: dist/): index.html, assets/app-HASH.js,
// assets/app-HASH.css, and a gzip twin of each, which CMake then embeds in the parley binary
// (src/server/web/web_ui.h). The hash in each asset name lets the server cache assets for a
// year while the page itself is revalidated on every load.
//   node build.mjs --outdir DIR [--dev]
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const outdir = args.includes("--outdir") ? args[args.indexOf("--outdir") + 1] : join(here, "dist");
const dev = args.includes("--dev");

if (!existsSync(join(here, "node_modules", "esbuild"))) {
  console.error("web/node_modules is missing: run scripts/setup (it runs `npm ci` in web/)");
  process.exit(1);
}
const esbuild = await import("esbuild");

rmSync(outdir, { recursive: true, force: true });
mkdirSync(join(outdir, "assets"), { recursive: true });
const result = await esbuild.build({
  absWorkingDir: here,
  entryPoints: { app: "src/main.tsx" },
  bundle: true,
  format: "esm",
  target: ["chrome109", "firefox115", "safari16"],
  minify: !dev,
  sourcemap: false,
  legalComments: "none",
  jsx: "automatic",
  jsxImportSource: "preact",
  entryNames: "[name]-[hash]",
  outdir: join(outdir, "assets"),
  metafile: true,
  logLevel: "warning",
});

const built = Object.keys(result.metafile.outputs).map((p) => p.split("/").pop());
const script = built.find((name) => name.endsWith(".js"));
const style = built.find((name) => name.endsWith(".css"));
const page = readFileSync(join(here, "src", "index.html"), "utf8")
  .replace("%SCRIPT%", `/assets/${script}`)
  .replace("%STYLE%", `/assets/${style}`);
writeFileSync(join(outdir, "index.html"), page);

// Compressed twins: the server sends them to clients that accept gzip. `mtime` is fixed by
// gzip's own format (zero), so the same sources give the same bytes.
for (const name of ["index.html", ...readdirSync(join(outdir, "assets")).map((n) => `assets/${n}`)]) {
  const bytes = readFileSync(join(outdir, name));
  writeFileSync(join(outdir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
}

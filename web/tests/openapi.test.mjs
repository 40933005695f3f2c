// The API document the server serves is valid OpenAPI 3 (by a standard validator), and the
// UI's API types (src/api/schema.d.ts) are exactly what that document generates, so the UI
// and the API cannot drift apart. When this fails after an API change:
//   node web/scripts/api-types.mjs <(curl -s http://HOST/api/v1/openapi.json)
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import SwaggerParser from "@apidevtools/swagger-parser";
import { apiTypes } from "../scripts/api-types.mjs";
import { Server } from "./harness.mjs";

let server;
let documentText;
before(async () => {
  server = await Server.start({ people: 50 });
  documentText = await (await fetch(server.url + "/api/v1/openapi.json")).text();
});
after(async () => server?.stop());

test("the served document is valid OpenAPI 3", async () => {
  await SwaggerParser.validate(JSON.parse(documentText));
});

test("a validator does refuse a broken document (the check can fail)", async () => {
  const broken = JSON.parse(documentText);
  const [path] = Object.keys(broken.paths);
  broken.paths[path].get = { responses: {}, requestBody: { content: {} }, required: [] };
  await assert.rejects(SwaggerParser.validate(broken));
});

test("the UI's API types are generated from the served document", async () => {
  const here = dirname(fileURLToPath(import.meta.url));
  const kept = readFileSync(join(here, "../src/api/schema.d.ts"), "utf8");
  assert.equal(kept, await apiTypes(documentText),
               "web/src/api/schema.d.ts is stale: regenerate it (see this file's header)");
});

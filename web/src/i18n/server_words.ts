// A refusal from the server in the reader's language. The server writes its errors in English
// (each names the file, row or field and what to do). A reader of English reads them as they
// are. Anyone else reads the refusals of the API's own gatekeeping (role, side, sign-in) as whole
// sentences in their language, and any other refusal as what kind it is (by its code) and
// where (row, column, field) in their language, followed by the server's English words, so
// nothing the server said is lost.
import type { ApiError } from "../api/client";
import { hasTerm, language, t, termFor } from "./i18n";

const gatekeeping: Record<string, Parameters<typeof t>[0]> = {
  "your role may not do this": "server.yourRole",
  "this belongs to another side": "server.otherSide",
  "send the session's CSRF token in the X-CSRF-Token header": "server.csrf",
  "sign in (POST /api/v1/session) or send an API token": "server.signIn",
  "wrong user name or password": "server.wrongPassword",
};

function where(error: ApiError): string[] {
  const body = (error.details as { error?: { row?: number; column?: number } } | undefined)?.error;
  const parts: string[] = [];
  if (body?.row) parts.push(t("server.row", { row: body.row }));
  if (body?.column) parts.push(t("server.column", { column: body.column }));
  if (error.field) parts.push(t("server.field", { field: error.field }));
  return parts;
}

export function serverWords(error: ApiError): string {
  if (language() === "en") return error.message;
  const whole = gatekeeping[error.message];
  if (whole) return t(whole);
  const kind = hasTerm("server.code", error.code) ? termFor("server.code", error.code) : t("server.code.other");
  const place = where(error);
  const lead = place.length ? `${kind} (${place.join(", ")})` : kind;
  return t("server.detail", { lead, message: error.message });
}

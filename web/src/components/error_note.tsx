import { ApiError } from "../api/client";
import { t } from "../i18n/i18n";
import { serverWords } from "../i18n/server_words";

// An error as a user can act on it: the server's own message (it names the file, row or field
// and what to do; in the reader's language where i18n/server_words.ts can), or the offline note.
export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  const offline = error instanceof ApiError && error.code === "offline";
  const message =
    error instanceof ApiError ? serverWords(error) : error instanceof Error ? error.message : String(error);
  return (
    <p class="error" role="alert">
      {offline ? t("common.offline") : t("common.error", { message })}
    </p>
  );
}

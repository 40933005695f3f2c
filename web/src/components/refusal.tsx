import { ApiError } from "../api/client";
import { serverWords } from "../i18n/server_words";
import { ErrorNote } from "./error_note";

// A refused action (a signature, an acceptance, a counter-proposal) in the server's own words
// (in the reader's language where i18n/server_words.ts can): it says why and what to do. Anything else as every page shows errors.
export function Refusal({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 401) {
    return (
      <p class="error refusal" role="alert">
        {serverWords(error)}
      </p>
    );
  }
  return <ErrorNote error={error} />;
}

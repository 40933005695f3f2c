import { useState } from "preact/hooks";
import { ApiError, post } from "../api/client";
import { LanguagePicker } from "../components/language_picker";
import { t, type Language } from "../i18n/i18n";

interface Props {
  language: Language;
  onLanguage: (code: Language) => void;
  onSignedIn: () => Promise<void>;
}

export function SignInPage({ language, onLanguage, onSignedIn }: Props) {
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    setBusy(true);
    setError("");
    try {
      await post("/session", { name: form.get("name"), password: form.get("password") });
      await onSignedIn();
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) {
        const seconds = Number(/(\d+) s/.exec(e.message)?.[1] ?? 900);
        setError(t("signIn.locked", { minutes: Math.ceil(seconds / 60) }));
      } else if (e instanceof ApiError && e.status === 401) {
        setError(t("signIn.failed"));
      } else {
        setError(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="sign-in">
      <LanguagePicker language={language} onLanguage={onLanguage} />
      <h1>{t("signIn.title")}</h1>
      <form onSubmit={submit}>
        <label>
          {t("signIn.name")}
          <input name="name" autocomplete="username" required autoFocus />
        </label>
        <label>
          {t("signIn.password")}
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t("signIn.submit")}
        </button>
      </form>
    </main>
  );
}

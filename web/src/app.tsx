// The application: who is signed in, the language, the header, and which page the address
// names. Pages load their own data through api/client.ts.
import { useEffect, useState } from "preact/hooks";
import { ApiError, del, get, put, setCsrfToken, whenSignedOut, type Session } from "./api/client";
import { LanguagePicker } from "./components/language_picker";
import { initialLanguage, isLanguage, setLanguage, t, termFor, type Language } from "./i18n/i18n";
import { AdminPage } from "./pages/admin_page";
import { AgreementPage, AgreementsPage } from "./pages/agreements_page";
import { HandoverPage } from "./pages/handover_page";
import { ListPage } from "./pages/list_page";
import { ListsPage } from "./pages/lists_page";
import { PersonPage } from "./pages/person_page";
import { PlanPage, PlansPage } from "./pages/plans_page";
import { RecordPage } from "./pages/record_page";
import { ReviewPage } from "./pages/review_page";
import { SignInPage } from "./pages/sign_in_page";
import { href, useRoute } from "./router";
import { can, SessionContext, type SignedIn } from "./session";

type Loaded = { state: "loading" } | { state: "signed-out" } | { state: "in"; session: SignedIn };

// Language choices are saved one after another: two PUTs in flight at once can reach the
// server in either order, and a quick "English, then Türkçe" could leave English kept.
let languageSaved: Promise<unknown> = Promise.resolve();
function saveLanguage(code: Language) {
  languageSaved = languageSaved.then(() => put("/session/language", { language: code }).catch(() => {}));
}

function signedIn(body: Session): SignedIn {
  setCsrfToken(body.csrf_token);
  return { user: body.user, operations: new Set(body.operations) };
}

export function App() {
  const [language, setLanguageState] = useState<Language>(() => {
    const start = initialLanguage();
    setLanguage(start);
    return start;
  });
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });

  const chooseLanguage = (code: Language, session?: SignedIn) => {
    setLanguage(code);
    setLanguageState(code);
    if (session && can(session, "putSessionLanguage")) {
      saveLanguage(code);
    }
  };

  const enter = (body: Session) => {
    const session = signedIn(body);
    const chosen = (body.user as { language?: unknown }).language;
    if (isLanguage(chosen)) chooseLanguage(chosen);
    setLoaded({ state: "in", session });
  };

  useEffect(() => {
    whenSignedOut(() => setLoaded({ state: "signed-out" }));
    get<Session>("/session")
      .then(enter)
      .catch((e) => {
        if (e instanceof ApiError && e.status === 401) setLoaded({ state: "signed-out" });
        else setLoaded({ state: "signed-out" });
      });
  }, []);

  if (loaded.state === "loading") return <p class="loading">{t("common.loading")}</p>;
  if (loaded.state === "signed-out") {
    return (
      <SignInPage
        key={language}
        language={language}
        onLanguage={(code) => chooseLanguage(code)}
        onSignedIn={async () => enter(await get<Session>("/session"))}
      />
    );
  }
  const session = loaded.session;
  const signOut = async () => {
    await del("/session").catch(() => {});
    setCsrfToken("");
    setLoaded({ state: "signed-out" });
  };
  return (
    <SessionContext.Provider value={session}>
      <Shell
        key={language}
        session={session}
        language={language}
        onLanguage={(code) => chooseLanguage(code, session)}
        onSignOut={signOut}
      />
    </SessionContext.Provider>
  );
}

interface ShellProps {
  session: SignedIn;
  language: Language;
  onLanguage: (code: Language) => void;
  onSignOut: () => void;
}

function Shell({ session, language, onLanguage, onSignOut }: ShellProps) {
  const route = useRoute();
  const section = route.path[0] ?? "lists";
  const user = session.user;
  return (
    <>
      <a class="skip" href="#main">
        {t("app.skip")}
      </a>
      <header class="top">
        <span class="brand">{t("app.name")}</span>
        <nav aria-label="main">
          <a href={href(["lists"])} aria-current={section === "lists" ? "page" : undefined}>
            {t("nav.lists")}
          </a>
          {can(session, "listLinks") && (
            <a href={href(["review"])} aria-current={section === "review" ? "page" : undefined}>
              {t("nav.review")}
            </a>
          )}
          <a href={href(["records"])} aria-current={section === "records" ? "page" : undefined}>
            {t("nav.person")}
          </a>
          <a href={href(["agreements"])} aria-current={section === "agreements" ? "page" : undefined}>
            {t("nav.agreements")}
          </a>
          {can(session, "listPlans") && (
            <a href={href(["plans"])} aria-current={section === "plans" ? "page" : undefined}>
              {t("nav.plans")}
            </a>
          )}
          {can(session, "getPlanProgress") && (
            <a href={href(["handover"])} aria-current={section === "handover" ? "page" : undefined}>
              {t("nav.handover")}
            </a>
          )}
          {can(session, "listUsers") && (
            <a href={href(["admin"])} aria-current={section === "admin" ? "page" : undefined}>
              {t("nav.admin")}
            </a>
          )}
          {can(session, "getLedger") && (
            <a href={href(["record"])} aria-current={section === "record" ? "page" : undefined}>
              {t("nav.record")}
            </a>
          )}
        </nav>
        <span class="who">
          {t("nav.signedInAs", {
            name: user.name ?? "",
            role: termFor("role", user.role),
            side: user.side ?? "",
          })}
        </span>
        <LanguagePicker language={language} onLanguage={onLanguage} />
        <button type="button" class="link" onClick={onSignOut}>
          {t("nav.signOut")}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {section === "lists" && route.path.length <= 1 && <ListsPage />}
        {section === "lists" && route.path.length > 1 && <ListPage name={route.path[1]!} />}
        {section === "review" && <ReviewPage params={route.params} />}
        {section === "records" && <PersonPage id={route.path[1]} />}
        {section === "agreements" && route.path.length <= 1 && <AgreementsPage />}
        {section === "agreements" && route.path.length > 1 && (
          <AgreementPage name={route.path[1]!} params={route.params} />
        )}
        {section === "plans" && route.path.length <= 1 && <PlansPage />}
        {section === "plans" && route.path.length > 1 && (
          <PlanPage key={route.path[1]} id={route.path[1]!} params={route.params} />
        )}
        {section === "handover" && <HandoverPage params={route.params} />}
        {section === "admin" && <AdminPage section={route.path[1]} params={route.params} />}
        {section === "record" && <RecordPage params={route.params} />}
      </main>
    </>
  );
}

// The papers of a plan as downloads (GET /plans/{plan}/papers/...): the summary for everyone
// who reads the plan; the act of each phase, and the exchange list of each phase and
// direction and each party's workbook for the user's own party (the mediator's users: both),
// when the user's role may have papers that name people. The server decides each download
// again and writes every person a paper names to the access log; these are plain links, so the
// browser saves the file under the name the server gives (Content-Disposition).
import { useState } from "preact/hooks";
import { language, t, type Language } from "../i18n/i18n";
import { can, useSession } from "../session";

type Side = "a" | "b";

// Two or three languages, each heading printed in each (parley report --lang).
const choices = ["uk,ru", "ru,uk", "uk,ru,en", "uk,ru,tr", "en,tr"];
const defaults: Record<Language, string> = { uk: "uk,ru", ru: "ru,uk", en: "uk,ru,en", tr: "uk,ru,tr" };

// The languages a paper is printed in when the user has not chosen: theirs and the other
// party's (or both parties' and their own, for English and Turkish readers).
export function paperLanguages(): string {
  return defaults[language()] ?? "uk,ru";
}

interface Props {
  planId: number;
  phases: number;
  sides: Record<Side, string>;
}

export function PlanPapers({ planId, phases, sides }: Props) {
  const session = useSession();
  const [lang, setLang] = useState(paperLanguages());
  const base = `/api/v1/plans/${planId}/papers`;
  const own = (s: Side) => session.user.side === "mediator" || session.user.side === sides[s];
  const parties = (["a", "b"] as const).filter(own);
  const numbers = Array.from({ length: phases }, (_, i) => i + 1);
  const link = (path: string, text: string) => (
    <li>
      <a href={`${base}/${path}${path.includes("?") ? "&" : "?"}lang=${lang}`} download>
        {text}
      </a>
    </li>
  );
  return (
    <div class="plan-papers">
      <label>
        {t("plans.papers.lang")}{" "}
        <select value={lang} onChange={(e) => setLang((e.target as HTMLSelectElement).value)}>
          {choices.map((c) => (
            <option value={c}>{c.toUpperCase().replaceAll(",", " + ")}</option>
          ))}
        </select>
      </label>
      <ul>
        {can(session, "getPlanPaper") && link("plan.pdf", t("plans.papers.summary"))}
        {can(session, "getActPaper") && numbers.map((n) => link(`act.pdf?phase=${n}`, t("plans.papers.act", { n })))}
        {can(session, "getListPaper") &&
          numbers.flatMap((n) =>
            parties.map((s) =>
              link(`list.pdf?phase=${n}&side=${s}`, t("plans.papers.list", { n, from: sides[s], to: sides[s === "a" ? "b" : "a"] })),
            ),
          )}
        {can(session, "getPlanWorkbook") &&
          parties.map((s) => link(`plan.xlsx?side=${s}`, t("plans.papers.workbook", { side: sides[s] })))}
      </ul>
      {can(session, "getListPaper") && <p class="detail">{t("plans.papers.logged")}</p>}
    </div>
  );
}

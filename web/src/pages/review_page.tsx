// The review queue: one pair at a time, both records side by side and aligned field by field,
// the weights that made the score, and the decision on one key. The next pair is already
// loaded, so it appears at once; the decision is sent behind it, with the link's version so a
// pair someone else decided first is not decided twice.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ApiError, get, post, query, type Link, type ListVersion, type PersonRecord } from "../api/client";
import { ErrorNote } from "../components/error_note";
import { NameField } from "../components/person_name";
import { paperLanguages } from "../components/plan_papers";
import { NamesUsedNote, WeightChart } from "../components/weight_chart";
import { formatDate, formatNumber, t, termFor } from "../i18n/i18n";
import { href, navigate } from "../router";
import { can, useSession } from "../session";
import { useLoad } from "../use_load";

type Decision = "accept" | "reject" | "unsure" | "undo" | "note";

interface Conflict {
  code: string;
  links: number[];
}

type ReviewLink = Link & {
  last_decision?: { decision?: string; by?: string; at?: string; note?: string } | null;
  conflicts?: Conflict[];
};

interface LinksPage {
  links: ReviewLink[];
  total: number;
  offset: number;
}

const pageSize = 50;
const states = ["needs_review", "auto_accepted", "confirmed", "rejected"] as const;
const compared = [
  "surname",
  "given_name",
  "patronymic",
  "full_name",
  "birth_date",
  "birth_place",
  "service_number",
  "rank",
  "unit",
  "sex",
  "category",
] as const;

// Probability bands: what auto-accept trusts, the likely, the uncertain and the unlikely. The
// lower edge is included, the upper one not (the API's min_probability / max_probability).
const bands: Record<string, { min?: number; max?: number }> = {
  "0.99-": { min: 0.99 },
  "0.9-0.99": { min: 0.9, max: 0.99 },
  "0.5-0.9": { min: 0.5, max: 0.9 },
  "-0.5": { max: 0.5 },
};

export function ReviewPage({ params }: { params: URLSearchParams }) {
  const session = useSession();
  const state = params.get("state") ?? "needs_review";
  const left = params.get("left") ?? "";
  const right = params.get("right") ?? "";
  const band = bands[params.get("band") ?? ""] ? (params.get("band") ?? "") : "";
  const [round, setRound] = useState(0);
  const page = useLoad(
    () =>
      get<LinksPage>(
        `/links${query({
          state,
          left,
          right,
          min_probability: bands[band]?.min,
          max_probability: bands[band]?.max,
          limit: pageSize,
        })}`,
      ),
    [state, left, right, band, round],
  );
  const lists = useLoad(() => get<{ lists: ListVersion[] }>("/lists"), []);
  const [index, setIndex] = useState(0);
  const [decided, setDecided] = useState<Map<number, ReviewLink>>(new Map());
  const [history, setHistory] = useState<number[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState("");
  const mayDecide = can(session, "decideLink");

  useEffect(() => setIndex(0), [page.data]);
  const links = page.data?.links ?? [];
  const shown = links[index] ? (decided.get(links[index]!.id!) ?? links[index]!) : undefined;

  const setFilter = (name: string, value: string) =>
    navigate(["review"], { state, left, right, band: band || undefined, [name]: value || undefined });

  const send = async (link: ReviewLink, decision: Decision, note?: string) => {
    setError(null);
    setNotice("");
    try {
      const updated = await post<ReviewLink>(`/links/${link.id}/decision`, {
        decision,
        expected_version: link.version,
        ...(note ? { note } : {}),
      });
      setDecided((m) => new Map(m).set(link.id!, updated));
      return updated;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setNotice(t("review.stale"));
        const fresh = await get<ReviewLink>(`/links/${link.id}`).catch(() => undefined);
        if (fresh) setDecided((m) => new Map(m).set(link.id!, fresh));
      } else {
        setError(e);
      }
      return undefined;
    }
  };

  const decide = (decision: "accept" | "reject" | "unsure") => {
    if (!shown || !mayDecide) return;
    setHistory((h) => [...h, index]);
    void send(shown, decision);
    if (index + 1 < links.length) setIndex(index + 1);
    else setRound((r) => r + 1);  // the page is done: the next one comes from the server
  };

  const undo = async () => {
    const previous = history[history.length - 1];
    if (previous === undefined || !mayDecide) return;
    const link = decided.get(links[previous]!.id!) ?? links[previous]!;
    setHistory((h) => h.slice(0, -1));
    setIndex(previous);
    await send(link, "undo");
  };

  const addNote = async () => {
    if (!shown || !mayDecide) return;
    const note = prompt(t("review.notePrompt"));
    if (note && note.trim()) await send(shown, "note", note.trim());
  };

  const keys = useRef<(e: KeyboardEvent) => void>();
  keys.current = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (e.ctrlKey || e.metaKey || e.altKey || target.closest("input, select, textarea")) return;
    const actions: Record<string, () => void> = {
      a: () => decide("accept"),
      r: () => decide("reject"),
      u: () => decide("unsure"),
      z: () => void undo(),
      n: () => void addNote(),
      j: () => setIndex((i) => Math.min(i + 1, Math.max(0, links.length - 1))),
      k: () => setIndex((i) => Math.max(0, i - 1)),
    };
    const action = actions[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keys.current?.(e);
    addEventListener("keydown", listener);
    return () => removeEventListener("keydown", listener);
  }, []);

  const listNames = useMemo(() => (lists.data?.lists ?? []).map((l) => l.list ?? ""), [lists.data]);
  return (
    <>
      <h1>{t("review.title")}</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t("review.state")}
          <select value={state} onChange={(e) => setFilter("state", (e.target as HTMLSelectElement).value)}>
            {states.map((s) => (
              <option value={s}>{t(`state.${s}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {t("review.pair")}
          <select value={left} onChange={(e) => setFilter("left", (e.target as HTMLSelectElement).value)}>
            <option value="">—</option>
            {listNames.map((n) => (
              <option value={n}>{n}</option>
            ))}
          </select>
        </label>
        <label>
          <span class="visually-hidden">{t("review.pair")} 2</span>
          <select value={right} onChange={(e) => setFilter("right", (e.target as HTMLSelectElement).value)}>
            <option value="">—</option>
            {listNames.map((n) => (
              <option value={n}>{n}</option>
            ))}
          </select>
        </label>
        <label>
          {t("review.band")}
          <select value={band} onChange={(e) => setFilter("band", (e.target as HTMLSelectElement).value)}>
            <option value="">{t("review.anyBand")}</option>
            {Object.entries(bands).map(([key, { min, max }]) => (
              <option value={key}>
                {min !== undefined && max !== undefined
                  ? `${formatNumber(min, 2)}–${formatNumber(max, 2)}`
                  : min !== undefined
                    ? `≥ ${formatNumber(min, 2)}`
                    : `< ${formatNumber(max ?? 0, 2)}`}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ErrorNote error={page.error ?? error} />
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {page.data && !shown && <p>{t("review.empty")}</p>}
      {shown && (
        <article class="pair" aria-label={t("review.position", { n: index + 1, total: page.data?.total ?? 0 })}>
          <p class="position">
            {t("review.position", { n: formatNumber(index + 1), total: formatNumber(page.data?.total ?? 0) })}
            {" · "}
            {t("review.probability", { p: formatNumber(shown.probability ?? 0, 3) })}
            {" · "}
            <span class={`state ${shown.state}`}>{termFor("state", shown.state)}</span>
            {shown.last_decision && (
              <span class="decided">
                {" · "}
                {t("review.decided", { decision: shown.last_decision.decision ?? "", by: shown.last_decision.by ?? "" })}
                {shown.last_decision.note ? ` — “${shown.last_decision.note}”` : ""}
              </span>
            )}
          </p>
          {(shown.conflicts ?? []).length > 0 && (
            <ul class="conflicts" role="alert">
              {(shown.conflicts ?? []).map((c) => (
                <li>
                  {t(`review.conflict.${c.code}`, { links: c.links.join(", ") })}
                </li>
              ))}
            </ul>
          )}
          <SideBySide link={shown} />
          <WeightChart weights={shown.explanation ?? []} probability={shown.probability} matchWeight={shown.match_weight} />
          <NamesUsedNote weights={shown.explanation ?? []} />
          {can(session, "getLinkPaper") && (
            <p class="paper-link">
              <a href={`/api/v1/links/${shown.id}/paper.pdf?lang=${paperLanguages()}`} download>
                {t("review.paper")}
              </a>
            </p>
          )}
          {mayDecide && (
            <div class="actions">
              <button type="button" class="accept" onClick={() => decide("accept")}>
                {t("review.accept")} <kbd>a</kbd>
              </button>
              <button type="button" class="reject" onClick={() => decide("reject")}>
                {t("review.reject")} <kbd>r</kbd>
              </button>
              <button type="button" onClick={() => decide("unsure")}>
                {t("review.unsure")} <kbd>u</kbd>
              </button>
              <button type="button" onClick={() => void undo()} disabled={history.length === 0}>
                {t("review.undo")} <kbd>z</kbd>
              </button>
              <button type="button" onClick={() => void addNote()}>
                {t("review.note")} <kbd>n</kbd>
              </button>
            </div>
          )}
          <p class="keys">{t("review.keys")}</p>
        </article>
      )}
    </>
  );
}

function isName(f: string): f is "surname" | "given_name" | "patronymic" | "full_name" {
  return f === "surname" || f === "given_name" || f === "patronymic" || f === "full_name";
}

function SideBySide({ link }: { link: ReviewLink }) {
  const l = link.left ?? ({} as PersonRecord);
  const r = link.right ?? ({} as PersonRecord);
  const fields = compared.filter((f) => l[f] || r[f]);
  return (
    <table class="side-by-side">
      <thead>
        <tr>
          <th scope="col"></th>
          <th scope="col">
            <a href={href(["records", String(link.left_record_id ?? "")])}>
              {t("review.left", { list: link.left_list ?? "", id: link.left_key ?? "" })}
            </a>
          </th>
          <th scope="col">
            <a href={href(["records", String(link.right_record_id ?? "")])}>
              {t("review.left", { list: link.right_list ?? "", id: link.right_key ?? "" })}
            </a>
          </th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => {
          const a = f === "birth_date" ? formatDate(l[f]) : (l[f] ?? "");
          const b = f === "birth_date" ? formatDate(r[f]) : (r[f] ?? "");
          return (
            <tr class={a && b && a !== b ? "differs" : undefined}>
              <th scope="row">{t(`field.${f}`)}</th>
              <td>{isName(f) ? <NameField record={l} field={f} /> : a}</td>
              <td>{isName(f) ? <NameField record={r} field={f} /> : b}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

// The handover-day console, for the team at the crossing point on a tablet: pick the plan,
// the phase and who hands over to whom; see promised against delivered as it happens; find
// the person in front of you by name and record what happened with one tap. Taps go through
// the outbox (handover/outbox.ts): with the connection down they wait on the tablet, and are
// sent in order, each exactly once, when it is back. Only the actions the role may call are
// offered (checkpoint: handed over, received; interviewer: the interview outcome); everyone
// else who may read the plan sees the same page without them.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ApiError, get, type Schemas } from "../api/client";
import { dayPoints, DayChart } from "../components/day_chart";
import { ErrorNote } from "../components/error_note";
import { latinName, personName } from "../components/person_name";
import { ProgressBar } from "../components/progress_bar";
import {
  outboxFor,
  type Action,
  type Done,
  type HandoverKind,
  type InterviewOutcome,
  type OutboxState,
} from "../handover/outbox";
import { usePhasePeople, type PersonStatus, type PhasePerson, type PlannedPerson } from "../handover/phase_people";
import { formatDate, formatNumber, language, t, termFor } from "../i18n/i18n";
import { navigate } from "../router";
import { fold } from "../search";
import { can, useSession } from "../session";
import { useLoad } from "../use_load";
import "./handover_page.css";

type PlanInfo = Schemas["PlanInfo"];
type Plan = Schemas["Plan"];
type Progress = Schemas["PlanProgress"];
type ProgressRow = NonNullable<Progress["rows"]>[number];
type Direction = "a_to_b" | "b_to_a";

const outcomes: InterviewOutcome[] = ["consents", "refuses", "unfit", "deceased", "not_presented"];
const excluded: PersonStatus[] = ["refused", "unfit", "deceased", "withheld"];
const crossed: PersonStatus[] = ["handed_over", "received"];
const outcomeStatus: Record<InterviewOutcome, PersonStatus> = {
  consents: "interviewed",
  refuses: "refused",
  unfit: "unfit",
  deceased: "deceased",
  not_presented: "withheld",
};
const placeKey = "parley.handover.place";
const refreshEvery = 15_000;

export function HandoverPage({ params }: { params: URLSearchParams }) {
  const session = useSession();
  const mayHandOver = can(session, "appendHandover");
  const mayInterview = can(session, "putInterview");
  const plans = useLoad(() => get<{ plans: PlanInfo[] }>("/plans"), []);
  const planList = plans.data?.plans ?? [];
  const chosenPlan =
    params.get("plan") ??
    String((planList.find((p) => p.state === "signed") ?? planList[0])?.id ?? "");
  const plan = useLoad(
    () => (chosenPlan ? get<Plan>(`/plans/${chosenPlan}`) : Promise.resolve(undefined)),
    [chosenPlan],
  );
  const phases = (plan.data?.phases ?? []).map((p) => p.phase ?? 0).filter((p) => p > 0);
  const phase = Number(params.get("phase") ?? phases[0] ?? 1);
  const direction: Direction = params.get("direction") === "b_to_a" ? "b_to_a" : "a_to_b";
  const from = direction === "a_to_b" ? plan.data?.side_a : plan.data?.side_b;
  const to = direction === "a_to_b" ? plan.data?.side_b : plan.data?.side_a;
  const choose = (change: Record<string, string>) =>
    navigate(["handover"], {
      plan: chosenPlan,
      phase: String(phase),
      direction,
      ...change,
    });

  const planned = useMemo(
    () =>
      (plan.data?.people ?? []).filter(
        (p: PlannedPerson) =>
          p.phase === phase && !p.dropped && p.side === (direction === "a_to_b" ? "a" : "b"),
      ),
    [plan.data, phase, direction],
  );
  const people = usePhasePeople(planned, mayInterview);

  const box = outboxFor(session.user.name ?? "");
  const [outbox, setOutbox] = useState<OutboxState>(() => box.state());
  const [problems, setProblems] = useState<Extract<Done, { refused: ApiError }>[]>([]);
  const [notice, setNotice] = useState("");

  const [progress, setProgress] = useState<Progress>();
  const [progressError, setProgressError] = useState<unknown>();
  const loadProgress = useRef<() => void>(() => {});
  loadProgress.current = () => {
    if (!chosenPlan) return;
    get<Progress>(`/plans/${chosenPlan}/progress`).then(
      (p) => {
        setProgress(p);
        setProgressError(undefined);
        noticeChangesElsewhere(p);
      },
      (e) => setProgressError(e),
    );
  };
  // A status the server now gives differently from the one read (another team recorded
  // something): that person is read again, unless a tap for him is still on its way.
  const noticeChangesElsewhere = (p: Progress) => {
    const still = new Map((p.outstanding ?? []).map((o) => [o.record_id, o.status]));
    const waiting = new Set(box.state().pending.map((a) => a.record_id));
    const changed = people.people.filter((person) => {
      if (person.handovers === undefined || waiting.has(person.record_id)) return false;
      const now = still.get(person.record_id);
      if (now !== undefined) return now !== person.status;
      return person.status !== "received" && !excluded.includes(person.status ?? "listed");
    });
    if (changed.length > 0) people.refresh(changed.map((c) => c.record_id));
  };
  useEffect(() => {
    setProgress(undefined);
    loadProgress.current();
    const timer = setInterval(() => navigator.onLine && loadProgress.current(), refreshEvery);
    return () => clearInterval(timer);
  }, [chosenPlan]);

  const handleDone = useRef<(done: Done) => void>(() => {});
  handleDone.current = (done: Done) => {
    people.apply(done);
    if ("refused" in done) setProblems((list) => [...list, done]);
    loadProgress.current();
  };
  useEffect(() => {
    const stop = box.subscribe((state, done) => {
      setOutbox(state);
      if (done) handleDone.current(done);
    });
    setOutbox(box.state());
    box.sendNow();
    return stop;
  }, [box]);

  const [place, setPlace] = useState(() => localStorage.getItem(placeKey) ?? "");
  const [search, setSearch] = useState("");

  const waitingFor = (recordId: number) => outbox.pending.filter((a) => a.record_id === recordId);
  const handOver = (p: PhasePerson, event: HandoverKind) => {
    const queued = box.state().pending.filter((a) => a.kind === "handover" && a.record_id === p.record_id);
    box.add({
      kind: "handover",
      record_id: p.record_id,
      event,
      phase,
      place: place.trim(),
      expected_count: (p.handovers ?? 0) + queued.length,
    });
    setNotice(t("handover.tapped", { name: displayName(p), what: termFor("handover.event", event) }));
  };
  const interview = (p: PhasePerson, outcome: InterviewOutcome) => {
    const queued = box.state().pending.filter((a) => a.kind === "interview" && a.record_id === p.record_id);
    box.add({
      kind: "interview",
      record_id: p.record_id,
      outcome,
      version: (p.interview?.version ?? 0) + queued.length,
    });
    setNotice(t("handover.tapped", { name: displayName(p), what: termFor("handover.outcome", outcome) }));
  };

  const row = (progress?.rows ?? []).find((r) => r.phase === phase && r.direction === direction);
  const shown = useMemo(() => {
    const collator = new Intl.Collator(language());
    const terms = fold(search).split(/\s+/).filter(Boolean);
    return people.people
      .filter((p) => terms.every((term) => haystack(p).includes(term)))
      .sort((a, b) => collator.compare(displayName(a), displayName(b)));
  }, [people.people, search]);
  const points = useMemo(() => dayPoints(people.people.map((p) => p.events)), [people.people]);

  if (plans.data && planList.length === 0) {
    return (
      <>
        <h1>{t("handover.title")}</h1>
        <p>{t("handover.noPlans")}</p>
      </>
    );
  }
  return (
    <div class="handover">
      <h1>{t("handover.title")}</h1>
      <ErrorNote error={plans.error ?? plan.error} />
      <form class="choice" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t("handover.plan")}
          <select value={chosenPlan} onChange={(e) => choose({ plan: (e.target as HTMLSelectElement).value, phase: "" })}>
            {planList.map((p) => (
              <option value={String(p.id)}>
                {t("handover.planName", {
                  id: p.id ?? "",
                  agreement: p.agreement ?? "",
                  state: termFor("handover.planState", p.state),
                })}
              </option>
            ))}
          </select>
        </label>
        {phases.length > 0 && (
          <fieldset class="segments">
            <legend>{t("handover.phase")}</legend>
            {phases.map((n) => (
              <label>
                <input
                  type="radio"
                  name="phase"
                  value={n}
                  checked={n === phase}
                  onChange={() => choose({ phase: String(n) })}
                />
                <span>{t("handover.phaseN", { n })}</span>
              </label>
            ))}
          </fieldset>
        )}
        {plan.data && (
          <fieldset class="segments">
            <legend>{t("handover.direction")}</legend>
            {(["a_to_b", "b_to_a"] as const).map((d) => (
              <label>
                <input
                  type="radio"
                  name="direction"
                  value={d}
                  checked={d === direction}
                  onChange={() => choose({ direction: d })}
                />
                <span>
                  {t("handover.fromTo", {
                    from: (d === "a_to_b" ? plan.data?.side_a : plan.data?.side_b) ?? "",
                    to: (d === "a_to_b" ? plan.data?.side_b : plan.data?.side_a) ?? "",
                  })}
                </span>
              </label>
            ))}
          </fieldset>
        )}
        {mayHandOver && (
          <label>
            {t("handover.place")}
            <input
              value={place}
              autocomplete="off"
              aria-describedby={place.trim() ? undefined : "place-needed"}
              onInput={(e) => {
                const value = (e.target as HTMLInputElement).value;
                setPlace(value);
                localStorage.setItem(placeKey, value);
              }}
            />
            {!place.trim() && (
              <span id="place-needed" class="hint">
                {t("handover.placeNeeded")}
              </span>
            )}
          </label>
        )}
      </form>

      <section class="counts" aria-labelledby="counts-title">
        <h2 id="counts-title">
          {t("handover.countsTitle", { phase, from: from ?? "", to: to ?? "" })}
        </h2>
        <ErrorNote error={progressError} />
        <Counts row={row} waiting={outbox.pending.filter((a) => people.get(a.record_id))} />
        {row && (
          <ProgressBar
            counts={{
              promised: row.promised ?? 0,
              handedOver: row.handed_over ?? 0,
              received: row.received ?? 0,
              excluded: row.excluded ?? 0,
            }}
          />
        )}
        {points.length > 0 ? (
          <DayChart points={points} promised={row?.promised ?? planned.length} />
        ) : (
          <p class="detail">{t("handover.noEventsYet")}</p>
        )}
        {progress?.totals && (
          <p class="detail">
            {t("handover.allPhases", {
              received: formatNumber(progress.totals.received ?? 0),
              handedOver: formatNumber(progress.totals.handed_over ?? 0),
              promised: formatNumber(progress.totals.promised ?? 0),
            })}
          </p>
        )}
      </section>

      <section class="people" aria-labelledby="people-title">
        <h2 id="people-title">{t("handover.peopleTitle")}</h2>
        <div class="toolbar">
          <label class="search">
            <span class="visually-hidden">{t("handover.search")}</span>
            <input
              type="search"
              placeholder={t("handover.search")}
              value={search}
              onInput={(e) => setSearch((e.target as HTMLInputElement).value)}
            />
          </label>
          <OutboxLine state={outbox} />
        </div>
        {notice && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
        {problems.length > 0 && (
          <ul class="problems" role="alert">
            {problems.map((p) => (
              <li>
                {t("handover.refused", {
                  name: nameOf(people.get(p.action.record_id)) || `#${p.action.record_id}`,
                  what: actionName(p.action),
                  message: p.refused.message,
                })}
                <button type="button" onClick={() => setProblems((list) => list.filter((x) => x !== p))}>
                  {t("handover.dismiss")}
                </button>
              </li>
            ))}
          </ul>
        )}
        <p class="detail" aria-live="polite">
          {!plan.data
            ? t("common.loading")
            : people.loading > 0
            ? t("handover.loadingPeople", { n: formatNumber(people.people.length - people.loading), total: formatNumber(people.people.length) })
            : t("handover.shown", { n: formatNumber(shown.length), total: formatNumber(people.people.length) })}
        </p>
        <ul class="person-list">
          {shown.map((p) => (
            <PersonItem
              key={p.record_id}
              person={p}
              waiting={waitingFor(p.record_id)}
              mayHandOver={mayHandOver}
              mayInterview={mayInterview}
              placeGiven={!!place.trim()}
              onHandOver={(event) => handOver(p, event)}
              onInterview={(outcome) => interview(p, outcome)}
            />
          ))}
        </ul>
      </section>
    </div>
  );
}

function Counts({ row, waiting }: { row: ProgressRow | undefined; waiting: Action[] }) {
  const queued = (event: HandoverKind) =>
    waiting.filter((a) => a.kind === "handover" && a.event === event).length;
  const tiles: { key: string; label: string; value: number | undefined; waiting?: number }[] = [
    { key: "promised", label: t("handover.promised"), value: row?.promised },
    { key: "handed-over", label: t("handover.handedOver"), value: row?.handed_over, waiting: queued("handed_over") },
    { key: "received", label: t("handover.received"), value: row?.received, waiting: queued("received") },
    { key: "excluded", label: t("handover.excluded"), value: row?.excluded },
    { key: "outstanding", label: t("handover.outstanding"), value: row?.outstanding },
  ];
  const statuses = row?.statuses ?? {};
  return (
    <>
      <dl class="tiles">
        {tiles.map((tile) => (
          <div class={`tile ${tile.key}`}>
            <dt>{tile.label}</dt>
            <dd>
              {tile.value === undefined ? "–" : formatNumber(tile.value)}
              {!!tile.waiting && (
                <span class="waiting"> {t("handover.plusWaiting", { n: formatNumber(tile.waiting) })}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {row && (row.excluded ?? 0) > 0 && (
        <p class="detail">
          {excluded
            .filter((s) => (statuses[s] ?? 0) > 0)
            .map((s) => `${termFor("handover.status", s)}: ${formatNumber(statuses[s] ?? 0)}`)
            .join(" · ")}
        </p>
      )}
    </>
  );
}

function OutboxLine({ state }: { state: OutboxState }) {
  const n = state.pending.length;
  const retry = state.retryAt
    ? new Intl.DateTimeFormat(language(), { timeStyle: "medium" }).format(new Date(state.retryAt))
    : "";
  return (
    <p class={`outbox ${n > 0 ? "waiting" : "sent"}`} role="status">
      <span class="count">{n > 0 ? t("handover.waiting", { n: formatNumber(n) }) : t("handover.allSent")}</span>
      {!state.online && <span class="why"> · {t("handover.offline")}</span>}
      {state.online && n > 0 && retry && <span class="why"> · {t("handover.retryAt", { time: retry })}</span>}
    </p>
  );
}

interface PersonItemProps {
  person: PhasePerson;
  waiting: Action[];
  mayHandOver: boolean;
  mayInterview: boolean;
  placeGiven: boolean;
  onHandOver: (event: HandoverKind) => void;
  onInterview: (outcome: InterviewOutcome) => void;
}

function PersonItem({ person, waiting, mayHandOver, mayInterview, placeGiven, onHandOver, onInterview }: PersonItemProps) {
  const status = statusWith(person, waiting);
  const r = person.record;
  const nameId = `person-${person.record_id}`;
  const ready = person.handovers !== undefined;
  const out = status !== undefined && excluded.includes(status);
  const gone = status !== undefined && crossed.includes(status);
  const outcome = lastOutcome(person, waiting);
  return (
    <li class={`person ${waiting.length ? "queued" : ""}`} data-record={person.record_id}>
      <div class="who">
        <span class="name" id={nameId}>
          {nameOf(person) || person.key}
          {latinName(r) && (
            <span class="latin" lang="en">
              {latinName(r)}
            </span>
          )}
        </span>
        <span class="facts">
          {r?.birth_date && <span>{formatDate(r.birth_date)}</span>}
          {r?.rank && <span>{r.rank}</span>}
          <span class="key">{person.key}</span>
        </span>
      </div>
      <div class="state">
        {status && <span class={`status ${status}`}>{termFor("handover.status", status)}</span>}
        {waiting.length > 0 && <span class="queued-badge">{t("handover.notSentYet")}</span>}
        {!r && person.error !== undefined && <span class="detail">{t("handover.notVisible")}</span>}
      </div>
      {mayHandOver && (
        <div class="actions" role="group" aria-labelledby={nameId}>
          <button
            type="button"
            class="primary"
            disabled={!ready || !placeGiven || out || gone}
            aria-describedby={nameId}
            onClick={() => onHandOver("handed_over")}
          >
            {t("handover.doHandOver")}
          </button>
          <button
            type="button"
            class="primary received"
            disabled={!ready || !placeGiven || out || status === "received"}
            aria-describedby={nameId}
            onClick={() => onHandOver("received")}
          >
            {t("handover.doReceive")}
          </button>
        </div>
      )}
      {mayInterview && (
        <div class="actions outcomes" role="group" aria-labelledby={nameId}>
          {outcomes.map((o) => (
            <button
              type="button"
              class={o === "consents" ? "primary" : undefined}
              aria-pressed={o === outcome}
              disabled={!person.interview || gone || o === outcome}
              aria-describedby={nameId}
              onClick={() => onInterview(o)}
            >
              {termFor("handover.outcome", o)}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}

// The status the person will have once the waiting taps are sent (a handover event wins over
// an interview outcome, received over handed over: person_status.h).
function statusWith(p: PhasePerson, waiting: Action[]): PersonStatus | undefined {
  const handovers = waiting.filter((a) => a.kind === "handover");
  if (p.status === "received" || handovers.some((a) => a.event === "received")) return "received";
  if (handovers.length > 0) return "handed_over";
  const interviews = waiting.filter((a) => a.kind === "interview");
  const last = interviews[interviews.length - 1];
  if (last && !crossed.includes(p.status ?? "listed")) return outcomeStatus[last.outcome];
  return p.status;
}

function lastOutcome(p: PhasePerson, waiting: Action[]): string | undefined {
  const interviews = waiting.filter((a) => a.kind === "interview");
  return interviews[interviews.length - 1]?.outcome ?? p.interview?.outcome;
}

function nameOf(p: PhasePerson | undefined): string {
  return personName(p?.record);
}

function displayName(p: PhasePerson): string {
  return nameOf(p) || p.key;
}

function actionName(a: Action): string {
  return a.kind === "handover" ? termFor("handover.event", a.event) : termFor("handover.outcome", a.outcome);
}

function haystack(p: PhasePerson): string {
  const r = p.record;
  // The romanisation too: a mediator types the name as the person's passport spells it.
  const latin = [r?.name_latin?.surname, r?.name_latin?.given_name, r?.name_latin?.patronymic];
  return fold([nameOf(p), ...latin, r?.full_name, r?.birth_date, r?.service_number, p.key].filter(Boolean).join(" "));
}

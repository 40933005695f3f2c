// Plans: the list (#/plans, GET /plans: the plans of the caller's sides, every state) and one
// plan (#/plans/{id}, GET /plans/{plan}):
//   who has accepted and signed it, with Accept / Sign for the user's own party (a party's
//   signer for its side's party, the mediator's signer for either) after a confirming step;
//   the balance per phase as a chart with its numbers;
//   what changed from the plan it counters or repairs (the parent, GET /plans/{parent});
//   who goes in each phase, per direction, found by name, birth date or number (each name is a
//   GET /records/{id}, access-logged, read only for the people shown), and why a person is in
//   or out (GET /plans/{plan}/explain, the server's words under a heading in the user's own);
//   for a negotiator, a counter-proposal made in the table (move people to another phase or
//   out), checked against every rule of the agreement as it is made (POST .../check stores
//   nothing) and sent only when it keeps them all (POST .../counter with the version read), or
//   a repair after drop-outs (POST .../repair).
// For a negotiator, the list also offers to propose a plan from scratch (plan_propose.tsx).
// The server decides every call, side by side; a refusal is shown in its words.
import { ConfirmStep } from "../components/confirm_step";
import { Fragment } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ApiError, get, post, query, type Schemas } from "../api/client";
import type { operations } from "../api/schema";
import { BalanceChart } from "../components/balance_chart";
import { PlanPapers } from "../components/plan_papers";
import { PlanProgressChart } from "../components/plan_progress_chart";
import { ErrorNote } from "../components/error_note";
import { FocusedButton } from "../components/focused_button";
import { Refusal } from "../components/refusal";
import { formatDate, formatNumber, hasTerm, language, t, termFor } from "../i18n/i18n";
import {
  editedPeople,
  personKey,
  planDifference,
  type Change,
  type Place,
  type Plan,
  type Planned,
  type Side,
} from "../plans/plan_changes";
import { recordOf, useRecords, type Records } from "../plans/records";
import { href, navigate } from "../router";
import { matchesAll } from "../search";
import { can, useSession } from "../session";
import { useLoad } from "../use_load";
import { PersonName, personName } from "../components/person_name";
import { ProposePlan } from "./plan_propose";
import "./plans_page.css";

type PlanInfo = Schemas["PlanInfo"];
type Progress = operations["getPlanProgress"]["responses"][200]["content"]["application/json"];
type Check = operations["checkPlan"]["responses"][200]["content"]["application/json"];
type Violation = NonNullable<Check["violations"]>[number];
type Explanation = operations["explainPlan"]["responses"][200]["content"]["application/json"];
type Mode = "read" | "counter" | "repair";
type Reason = "refused" | "deceased" | "not_presented";
type Approval = "accept" | "sign";

const reasons: Reason[] = ["refused", "deceased", "not_presented"];
const other = (s: Side): Side => (s === "a" ? "b" : "a");
const isNumber = (n: number | undefined): n is number => typeof n === "number";

function sidesOf(p: PlanInfo): Record<Side, string> {
  return { a: p.side_a ?? "a", b: p.side_b ?? "b" };
}

// "proposal", or what the plan answers: "counter-proposal to plan 3", "repair of plan 3".
function kindText(p: PlanInfo): string {
  if (p.parent && p.kind === "counter") return t("plans.counterTo", { id: p.parent });
  if (p.parent && p.kind === "repair") return t("plans.repairOf", { id: p.parent });
  return termFor("person.plan.kind", p.kind);
}

function approvalsText(p: PlanInfo): string {
  const sides = sidesOf(p);
  const by = (action: Approval) =>
    (["a", "b"] as const)
      .filter((party) => (p.approvals ?? []).some((a) => a.action === action && a.party === party))
      .map((party) => sides[party]);
  const parts = [];
  if (by("accept").length > 0) parts.push(t("plans.approvals.accepted", { sides: by("accept").join(", ") }));
  if (by("sign").length > 0) parts.push(t("plans.approvals.signed", { sides: by("sign").join(", ") }));
  return parts.length > 0 ? parts.join(" · ") : t("plans.approvals.none");
}

export function PlansPage() {
  const session = useSession();
  const all = useLoad(() => get<{ plans: PlanInfo[] }>("/plans"), []);
  const rows = [...(all.data?.plans ?? [])].sort((x, y) => (y.id ?? 0) - (x.id ?? 0));
  return (
    <>
      <h1>{t("plans.title")}</h1>
      <ErrorNote error={all.error} />
      {all.data && rows.length === 0 && <p>{t("plans.empty")}</p>}
      {rows.length > 0 && (
        <table class="plans-list">
          <thead>
            <tr>
              <th scope="col">{t("plans.col.plan")}</th>
              <th scope="col">{t("plans.col.state")}</th>
              <th scope="col">{t("plans.col.agreement")}</th>
              <th scope="col">{t("plans.col.sides")}</th>
              <th scope="col">{t("plans.col.handsOver")}</th>
              <th scope="col">{t("plans.col.approvals")}</th>
              <th scope="col">{t("plans.col.made")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => {
              const sides = sidesOf(p);
              return (
                <tr key={p.id} data-plan={p.id}>
                  <th scope="row">
                    <a href={href(["plans", String(p.id)])}>{t("plans.planName", { id: p.id ?? "" })}</a>
                    <span class="detail"> · {kindText(p)}</span>
                  </th>
                  <td>
                    <span class={`plan-state ${p.state ?? ""}`}>{termFor("person.plan.state", p.state)}</span>
                  </td>
                  <td>
                    <a href={href(["agreements", p.agreement ?? ""], { version: String(p.agreement_version ?? "") })}>
                      {t("plans.agreementVersion", { name: p.agreement ?? "", version: p.agreement_version ?? "" })}
                    </a>
                  </td>
                  <td>{t("plans.sides", { a: sides.a, b: sides.b })}</td>
                  <td>
                    {t("plans.handsOverBoth", {
                      a: sides.a,
                      na: formatNumber(p.a_hands_over ?? 0),
                      b: sides.b,
                      nb: formatNumber(p.b_hands_over ?? 0),
                    })}
                  </td>
                  <td>{approvalsText(p)}</td>
                  <td>{t("plans.madeBy", { name: p.created_by ?? "", at: formatDate(p.created_at) })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {can(session, "proposePlan") && <ProposePlan />}
    </>
  );
}

export function PlanPage({ id, params }: { id: string; params: URLSearchParams }) {
  const shown = useLoad(() => get<Plan>(`/plans/${encodeURIComponent(id)}`), [id]);
  const list = useLoad(() => get<{ plans: PlanInfo[] }>("/plans"), [id]);
  const parentId = shown.data?.parent ?? undefined;
  const parent = useLoad(
    () => (parentId ? get<Plan>(`/plans/${parentId}`) : Promise.resolve(undefined)),
    [parentId],
  );
  if (shown.error) {
    return (
      <>
        <h1>{t("plans.planName", { id })}</h1>
        <ErrorNote error={shown.error} />
      </>
    );
  }
  if (!shown.data) return <p class="loading">{t("common.loading")}</p>;
  const reload = () => {
    shown.reload();
    list.reload();
  };
  return (
    <PlanView
      plan={shown.data}
      parent={parent.data}
      parentError={parent.error}
      successor={(list.data?.plans ?? []).find((p) => p.parent === shown.data?.id)}
      params={params}
      reload={reload}
    />
  );
}

interface PlanViewProps {
  plan: Plan;
  parent: Plan | undefined;
  parentError: unknown;
  successor: PlanInfo | undefined;
  params: URLSearchParams;
  reload: () => void;
}

function PlanView({ plan, parent, parentError, successor, params, reload }: PlanViewProps) {
  const session = useSession();
  const sides = sidesOf(plan);
  const people = plan.people ?? [];
  const phaseCount = plan.phases?.length ?? 0;
  const asked = Number(params.get("phase") ?? "1");
  const phase = Number.isInteger(asked) && asked >= 0 && asked <= phaseCount ? asked : 1;
  const from: Side = params.get("from") === "b" ? "b" : "a";
  const choose = (change: Record<string, string>) =>
    navigate(["plans", String(plan.id)], { phase: String(phase), from, ...change });

  const mayCounter = can(session, "counterPlan") && (plan.state === "proposed" || plan.state === "accepted");
  const mayRepair = can(session, "repairPlan") && plan.state !== "superseded";
  const [mode, setMode] = useState<Mode>("read");
  const [moves, setMoves] = useState<ReadonlyMap<string, number>>(new Map());
  const [drops, setDrops] = useState<ReadonlySet<string>>(new Set());
  const [reason, setReason] = useState<Reason>("refused");
  const [search, setSearch] = useState("");
  const [explaining, setExplaining] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const check = useLiveCheck(mode === "counter" ? plan : undefined, moves);

  const byKey = useMemo(() => new Map(people.map((p) => [personKey(p), p])), [people]);
  const group = useMemo(
    () => people.filter((p) => p.side === from && (p.phase ?? 0) === phase),
    [people, from, phase],
  );
  const changes = useMemo(
    () => (parent ? planDifference(parent.people ?? [], people) : []),
    [parent, people],
  );
  // The few people of the difference and of the edit first, then the phase shown.
  const records = useRecords(
    [
      ...changes,
      ...[...moves.keys(), ...drops].map((k) => byKey.get(k)),
      ...group,
    ]
      .map((p) => p?.record_id)
      .filter(isNumber),
  );
  const nameOf = (p: { record_id?: number } | undefined) => personName(recordOf(records.get(p?.record_id)));
  const who = (key: string) => {
    const p = byKey.get(key);
    return nameOf(p) || p?.id || key.slice(2);
  };

  const shown = group.filter((p) => {
    const r = recordOf(records.get(p.record_id));
    const latin = [r?.name_latin?.surname, r?.name_latin?.given_name, r?.name_latin?.patronymic].join(" ");
    return matchesAll(search, [nameOf(p), latin, r?.birth_date ?? "", formatDate(r?.birth_date), r?.service_number ?? "", p.id ?? ""]);
  });
  const inGroup = (side: Side, n: number) => people.filter((p) => p.side === side && (p.phase ?? 0) === n).length;

  const move = (p: Planned, to: number) =>
    setMoves((m) => {
      const next = new Map(m);
      if (to === (p.phase ?? 0)) next.delete(personKey(p));
      else next.set(personKey(p), to);
      return next;
    });
  const toggleDrop = (key: string) =>
    setDrops((d) => {
      const next = new Set(d);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const send = async () => {
    setWorking(true);
    setRefusal(null);
    try {
      const made = await post<Plan>(`/plans/${plan.id}/counter`, {
        plan: { people: editedPeople(people, moves) },
        expected_version: plan.version,
      });
      navigate(["plans", String(made.id)], { sent: "counter" });
    } catch (e) {
      setRefusal(e);
      if (e instanceof ApiError && e.status === 409) reload();
    } finally {
      setWorking(false);
    }
  };
  const repair = async () => {
    setWorking(true);
    setRefusal(null);
    try {
      const made = await post<Plan>(`/plans/${plan.id}/repair`, {
        drop: [...drops],
        reason,
        expected_version: plan.version,
      });
      navigate(["plans", String(made.id)], { sent: "repair" });
    } catch (e) {
      setRefusal(e);
      if (e instanceof ApiError && e.status === 409) reload();
    } finally {
      setWorking(false);
    }
  };

  const sent = params.get("sent");
  const columns = 6 + (mode === "repair" ? 1 : 0);
  return (
    <article class="plan" aria-labelledby="plan-title">
      <h1 id="plan-title">{t("plans.planName", { id: plan.id ?? "" })}</h1>
      <p class="detail">
        {kindText(plan)}
        {" · "}
        <span class={`plan-state ${plan.state ?? ""}`}>{termFor("person.plan.state", plan.state)}</span>
        {" · "}
        <a href={href(["agreements", plan.agreement ?? ""], { version: String(plan.agreement_version ?? "") })}>
          {t("plans.agreementVersion", { name: plan.agreement ?? "", version: plan.agreement_version ?? "" })}
        </a>
        {" · "}
        {t("plans.sides", { a: sides.a, b: sides.b })}
        {" · "}
        {t("plans.madeBy", { name: plan.created_by ?? "", at: formatDate(plan.created_at) })}
        {" · "}
        <a href={href(["record"], { plan: String(plan.id ?? "") })}>{t("listv.history")}</a>
      </p>
      {plan.parent && (
        <p>
          <a href={href(["plans", String(plan.parent)])}>{t("plans.parentLink", { id: plan.parent })}</a>
        </p>
      )}
      {plan.state === "superseded" && (
        <p class="notice">
          {successor ? (
            <a href={href(["plans", String(successor.id)])}>
              {t("plans.supersededBy", { id: successor.id ?? "", kind: kindText(successor) })}
            </a>
          ) : (
            t("plans.superseded")
          )}
        </p>
      )}
      {(sent === "counter" || sent === "repair") && plan.parent && (
        <p class="sent-now" role="status">
          {t(sent === "counter" ? "plans.sent.counter" : "plans.sent.repair", { id: plan.id ?? "", parent: plan.parent })}
        </p>
      )}
      {sent === "proposal" && (
        <p class="sent-now" role="status">
          {t("plans.sent.proposal", { id: plan.id ?? "" })}
        </p>
      )}
      {sent === "same" && (
        <p class="notice" role="status">
          {t("plans.sent.same", { id: plan.id ?? "" })}
        </p>
      )}

      <Approvals plan={plan} onChanged={reload} />

      <section aria-labelledby="balance-title">
        <h2 id="balance-title">{t("plans.balance")}</h2>
        <BalanceChart
          phases={plan.phases ?? []}
          before={parent?.phases}
          sides={sides}
          caption={
            parent
              ? t("plans.chart.against", { id: plan.id ?? "", parent: parent.id ?? "" })
              : t("plans.chart.caption", { id: plan.id ?? "" })
          }
        />
      </section>

      <PlanProgress planId={plan.id ?? 0} />

      <section aria-labelledby="papers-title">
        <h2 id="papers-title">{t("plans.papers")}</h2>
        <PlanPapers planId={plan.id ?? 0} phases={phaseCount} sides={sides} />
      </section>

      {plan.parent && (
        <Difference plan={plan} parent={parent} error={parentError} changes={changes} sides={sides} records={records} />
      )}

      <section class="who-goes" aria-labelledby="people-title">
        <h2 id="people-title">{t("plans.people")}</h2>
        <form class="choice" onSubmit={(e) => e.preventDefault()}>
          <fieldset class="segments">
            <legend>{t("plans.direction")}</legend>
            {(["a", "b"] as const).map((s) => (
              <label>
                <input type="radio" name="from" value={s} checked={s === from} onChange={() => choose({ from: s })} />
                <span>{t("plans.fromTo", { from: sides[s], to: sides[other(s)] })}</span>
              </label>
            ))}
          </fieldset>
          <fieldset class="segments">
            <legend>{t("plans.col.phase")}</legend>
            {[...Array.from({ length: phaseCount }, (_, i) => i + 1), 0].map((n) => (
              <label>
                <input type="radio" name="phase" value={n} checked={n === phase} onChange={() => choose({ phase: String(n) })} />
                <span>
                  {n === 0 ? t("plans.notGoing") : t("plans.phaseN", { n })}{" "}
                  <span class="count">({formatNumber(inGroup(from, n))})</span>
                </span>
              </label>
            ))}
          </fieldset>
          <label class="search">
            {t("plans.search")}
            <input type="search" value={search} onInput={(e) => setSearch((e.target as HTMLInputElement).value)} />
          </label>
          {(mayCounter || mayRepair) && (
            <fieldset class="segments">
              <legend>{t("plans.mode")}</legend>
              {(["read", ...(mayCounter ? ["counter"] : []), ...(mayRepair ? ["repair"] : [])] as Mode[]).map((m) => (
                <label>
                  <input type="radio" name="mode" value={m} checked={m === mode} onChange={() => setMode(m)} />
                  <span>{termFor("plans.mode", m)}</span>
                </label>
              ))}
            </fieldset>
          )}
        </form>

        {mode === "counter" && (
          <section class="edits" aria-labelledby="counter-title">
            <h3 id="counter-title">{t("plans.counter.title", { id: plan.id ?? "" })}</h3>
            {moves.size === 0 ? (
              <p>{t("plans.counter.hint")}</p>
            ) : (
              <ul class="moves">
                {[...moves].map(([key, to]) => {
                  const p = byKey.get(key);
                  return (
                    <li>
                      {t("plans.move", { who: who(key), from: placeText(p && place(p)), to: placeText({ phase: to }) })}{" "}
                      <button type="button" class="link" onClick={() => p && move(p, p.phase ?? 0)}>
                        {t("plans.undo")}
                        <span class="visually-hidden"> {who(key)}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
            <div aria-live="polite">
              <CheckResult moves={moves.size} check={check} sides={sides} who={who} />
            </div>
            {moves.size > 0 && check.result?.phases && (
              <BalanceChart
                phases={check.result.phases}
                before={plan.phases}
                sides={sides}
                caption={t("plans.counter.chart", { id: plan.id ?? "" })}
              />
            )}
            <div class="actions">
              <button
                type="button"
                class="accept"
                disabled={moves.size === 0 || check.checking || !check.result?.ok || working}
                onClick={() => void send()}
              >
                {working ? t("plans.counter.sending") : t("plans.counter.send")}
              </button>
              <button type="button" disabled={moves.size === 0 || working} onClick={() => setMoves(new Map())}>
                {t("plans.counter.discard")}
              </button>
            </div>
            <Refusal error={refusal} />
          </section>
        )}

        {mode === "repair" && (
          <section class="edits" aria-labelledby="repair-title">
            <h3 id="repair-title">{t("plans.repair.title", { id: plan.id ?? "" })}</h3>
            <p>{drops.size === 0 ? t("plans.repair.hint") : t("plans.repair.chosen", { n: formatNumber(drops.size) })}</p>
            {drops.size > 0 && (
              <ul class="moves">
                {[...drops].map((key) => (
                  <li>
                    {who(key)}{" "}
                    <button type="button" class="link" onClick={() => toggleDrop(key)}>
                      {t("plans.undo")}
                      <span class="visually-hidden"> {who(key)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <label>
              {t("plans.repair.reason")}
              <select value={reason} onChange={(e) => setReason((e.target as HTMLSelectElement).value as Reason)}>
                {reasons.map((r) => (
                  <option value={r}>{termFor("plans.reason", r)}</option>
                ))}
              </select>
            </label>
            <div class="actions">
              <button type="button" class="accept" disabled={drops.size === 0 || working} onClick={() => void repair()}>
                {working ? t("plans.repair.sending") : t("plans.repair.send")}
              </button>
            </div>
            <Refusal error={refusal} />
          </section>
        )}

        <p class="detail" aria-live="polite">
          {records.loading > 0
            ? t("plans.loadingNames", { n: formatNumber(group.length - records.loading), total: formatNumber(group.length) })
            : t("plans.shown", { n: formatNumber(shown.length), total: formatNumber(group.length) })}
        </p>
        <table class="people">
          <thead>
            <tr>
              <th scope="col">{t("plans.col.name")}</th>
              <th scope="col">{t("plans.col.born")}</th>
              <th scope="col">{t("plans.col.number")}</th>
              <th scope="col">{t("plans.col.standing")}</th>
              <th scope="col">{t("plans.col.phase")}</th>
              {mode === "repair" && <th scope="col">{t("plans.col.drops")}</th>}
              <th scope="col">
                <span class="visually-hidden">{t("plans.why")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => {
              const key = personKey(p);
              const read = records.get(p.record_id);
              const r = recordOf(read);
              const name = nameOf(p) || p.id || "";
              const open = explaining === key;
              const whyId = `why-${key.replace(/[^A-Za-z0-9-]/g, "-")}`;
              return (
                <Fragment key={key}>
                  <tr data-person={key} class={moves.has(key) || drops.has(key) ? "changed" : undefined}>
                    <th scope="row">
                      {isNumber(p.record_id) && !(read && !r) ? (
                        <a href={href(["records", String(p.record_id)])}>{r ? <PersonName record={r} fallback={name} /> : t("common.loading")}</a>
                      ) : (
                        <span class="detail">{read ? t("plans.notVisible") : name}</span>
                      )}
                    </th>
                    <td class="nowrap">{formatDate(r?.birth_date)}</td>
                    <td class="key">{p.id}</td>
                    <td>{standing(p)}</td>
                    <td class="nowrap">
                      {mode === "counter" && mayCounter ? (
                        <select
                          aria-label={t("plans.moveLabel", { who: name })}
                          value={String(moves.get(key) ?? p.phase ?? 0)}
                          disabled={!!p.dropped}
                          onChange={(e) => move(p, Number((e.target as HTMLSelectElement).value))}
                        >
                          {[...Array.from({ length: phaseCount }, (_, i) => i + 1), 0].map((n) => (
                            <option value={String(n)}>{n === 0 ? t("plans.notGoing") : t("plans.phaseN", { n })}</option>
                          ))}
                        </select>
                      ) : (
                        placeText(place(p))
                      )}
                    </td>
                    {mode === "repair" && (
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t("plans.dropLabel", { who: name })}
                          checked={drops.has(key)}
                          disabled={!!p.dropped || (p.phase ?? 0) === 0}
                          onChange={() => toggleDrop(key)}
                        />
                      </td>
                    )}
                    <td>
                      <button
                        type="button"
                        class="link"
                        aria-expanded={open}
                        aria-controls={open ? whyId : undefined}
                        onClick={() => setExplaining(open ? null : key)}
                      >
                        {t("plans.why")}
                        <span class="visually-hidden"> {name}</span>
                      </button>
                    </td>
                  </tr>
                  {open && (
                    <tr class="why-row">
                      <td colSpan={columns} id={whyId}>
                        <Why planId={plan.id ?? 0} person={p} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </section>
    </article>
  );
}

function place(p: Planned): Place {
  return { phase: p.phase ?? 0, ...(p.dropped ? { dropped: p.dropped } : {}) };
}

function placeText(at: Place | undefined): string {
  if (!at) return t("plans.place.none");
  if (at.dropped) return t("plans.place.dropped", { reason: termFor("plans.reason", at.dropped) });
  return at.phase > 0 ? t("plans.phaseN", { n: at.phase }) : t("plans.notGoing");
}

// Where the agreement puts the person, from the codes the server gives with the plan.
function standing(p: Planned): string {
  if (p.standing === "excluded") return t("plans.standing.excluded", { rule: p.exclusion ?? "" });
  if (p.standing === "ineligible") return t("plans.standing.ineligible");
  if (p.category) {
    return t("plans.standing.category", { kind: termFor("plans.balanceKind", p.balance), category: p.category });
  }
  return p.rule ?? "";
}

// The edited plan checked against every rule a moment after each change; an answer to an
// older edit than the latest is dropped.
function useLiveCheck(plan: Plan | undefined, moves: ReadonlyMap<string, number>) {
  const [state, setState] = useState<{ result?: Check; error?: unknown; checking: boolean }>({ checking: false });
  const round = useRef(0);
  useEffect(() => {
    const mine = ++round.current;
    if (!plan || moves.size === 0) {
      setState({ checking: false });
      return;
    }
    setState((s) => ({ ...s, checking: true }));
    const timer = setTimeout(() => {
      post<Check>(`/plans/${plan.id}/check`, { plan: { people: editedPeople(plan.people ?? [], moves) } }).then(
        (result) => mine === round.current && setState({ result, checking: false }),
        (error) => mine === round.current && setState({ error, checking: false }),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [plan, moves]);
  return state;
}

interface CheckResultProps {
  moves: number;
  check: { result?: Check; error?: unknown; checking: boolean };
  sides: Record<Side, string>;
  who: (key: string) => string;
}

function CheckResult({ moves, check, sides, who }: CheckResultProps) {
  if (moves === 0) return null;
  if (check.checking) return <p class="check checking">{t("plans.check.checking")}</p>;
  if (check.error) return <ErrorNote error={check.error} />;
  const result = check.result;
  if (!result) return null;
  if (result.ok) return <p class="check ok">{t("plans.check.ok")}</p>;
  const broken = result.violations ?? [];
  return (
    <div class="check broken">
      <p>{t("plans.check.broken", { n: formatNumber(broken.length) })}</p>
      <ul>
        {broken.map((v) => (
          <li>
            {violationText(v, sides, who)}{" "}
            <span class="detail" lang="en">
              ({v.message})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function violationText(v: Violation, sides: Record<Side, string>, who: (key: string) => string): string {
  const side = v.side === "a" || v.side === "b" ? sides[v.side] : "";
  const person = v.id ? who(`${v.side}:${v.id}`) : "";
  return hasTerm("plans.rule", v.rule)
    ? termFor("plans.rule", v.rule, { who: person, phase: v.phase ?? 0, side })
    : (v.message ?? "");
}

// Why the person is where the plan puts them: a heading in the user's language from the plan's
// codes, then the explanation the server worked out from the agreement and the records.
function Why({ planId, person }: { planId: number; person: Planned }) {
  const key = personKey(person);
  const why = useLoad(() => get<Explanation>(`/plans/${planId}/explain${query({ person: key })}`), [planId, key]);
  const at = place(person);
  const heading = at.dropped
    ? placeText(at)
    : at.phase > 0
      ? t("plans.why.goes", { phase: at.phase, standing: standing(person) })
      : t("plans.why.stays", { standing: standing(person) });
  return (
    <div class="why">
      <p>
        <strong>{heading}</strong>
      </p>
      <ErrorNote error={why.error} />
      {!why.data && !why.error && <p class="detail">{t("common.loading")}</p>}
      {why.data && (
        <>
          {language() !== "en" && <p class="detail">{t("plans.why.serverWords")}</p>}
          <p lang="en" class="verdict">
            {why.data.verdict}
          </p>
          {(why.data.details ?? []).length > 0 && (
            <ul lang="en">
              {(why.data.details ?? []).map((d) => (
                <li>{d}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

interface DifferenceProps {
  plan: Plan;
  parent: Plan | undefined;
  error: unknown;
  changes: Change[];
  sides: Record<Side, string>;
  records: Records;
}

// What this plan changed from the one it counters or repairs, person by person.
function Difference({ plan, parent, error, changes, sides, records }: DifferenceProps) {
  const title = t(plan.kind === "repair" ? "plans.diff.repairTitle" : "plans.diff.counterTitle", {
    parent: plan.parent ?? "",
  });
  return (
    <section class="difference" aria-labelledby="difference-title">
      <h2 id="difference-title">{title}</h2>
      <ErrorNote error={error} />
      {!parent && !error && <p class="detail">{t("common.loading")}</p>}
      {parent && (
        <p>
          {t("plans.diff.totals", {
            a: sides.a,
            a0: formatNumber(parent.a_hands_over ?? 0),
            a1: formatNumber(plan.a_hands_over ?? 0),
            b: sides.b,
            b0: formatNumber(parent.b_hands_over ?? 0),
            b1: formatNumber(plan.b_hands_over ?? 0),
          })}
        </p>
      )}
      {parent && changes.length === 0 && <p>{t("plans.diff.none")}</p>}
      {parent && changes.length > 0 && (
        <table class="changes">
          <thead>
            <tr>
              <th scope="col">{t("plans.col.name")}</th>
              <th scope="col">{t("plans.col.number")}</th>
              <th scope="col">{t("plans.direction")}</th>
              <th scope="col">{t("plans.diff.in", { id: parent.id ?? "" })}</th>
              <th scope="col">{t("plans.diff.in", { id: plan.id ?? "" })}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => {
              const read = records.get(c.record_id);
              const side: Side = c.side === "b" ? "b" : "a";
              return (
                <tr data-person={c.key}>
                  <th scope="row">
                    {!isNumber(c.record_id) ? (
                      c.id
                    ) : recordOf(read) ? (
                      <a href={href(["records", String(c.record_id)])}><PersonName record={recordOf(read)} /></a>
                    ) : (
                      <span class="detail">{read ? t("plans.notVisible") : t("common.loading")}</span>
                    )}
                  </th>
                  <td class="key">{c.id}</td>
                  <td>{t("plans.fromTo", { from: sides[side], to: sides[other(side)] })}</td>
                  <td>{placeText(c.before)}</td>
                  <td>{placeText(c.after)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

// The handover day's progress per phase and direction (GET /plans/{plan}/progress), for the
// roles that may read it.
function PlanProgress({ planId }: { planId: number }) {
  const session = useSession();
  const allowed = can(session, "getPlanProgress");
  const progress = useLoad(
    () => (allowed ? get<Progress>(`/plans/${planId}/progress`) : Promise.resolve(null)),
    [planId, allowed],
  );
  if (!allowed) return null;
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">{t("plans.progress")}</h2>
      <ErrorNote error={progress.error} />
      {progress.data && <PlanProgressChart progress={progress.data} />}
    </section>
  );
}

// Who has accepted and signed the plan for each party, and the buttons the user may press:
// Accept while the plan is proposed, Sign once both parties have accepted; each for a party
// the user acts for (their own side's; the mediator's for either). Both ask once more.
function Approvals({ plan, onChanged }: { plan: Plan; onChanged: () => void }) {
  const session = useSession();
  const sides = sidesOf(plan);
  const [asking, setAsking] = useState<{ action: Approval; party: Side } | null>(null);
  const [cancelled, setCancelled] = useState<{ action: Approval; party: Side } | null>(null);
  const [working, setWorking] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [done, setDone] = useState("");
  const approval = (action: Approval, party: Side) =>
    (plan.approvals ?? []).find((a) => a.action === action && a.party === party);
  const mine = (party: Side) => {
    const side = session.user.side ?? "";
    return side === "mediator" || side === sides[party];
  };
  const offers = (party: Side): Approval[] => {
    const out: Approval[] = [];
    if (!mine(party)) return out;
    if (can(session, "acceptPlan") && plan.state === "proposed" && !approval("accept", party)) out.push("accept");
    if (can(session, "signPlan") && plan.state === "accepted" && !approval("sign", party)) out.push("sign");
    return out;
  };
  const act = async (action: Approval, party: Side) => {
    setWorking(true);
    setRefusal(null);
    setDone("");
    try {
      await post(`/plans/${plan.id}/${action === "accept" ? "acceptances" : "signatures"}`, {
        party,
        expected_version: plan.version,
      });
      setDone(t(action === "accept" ? "plans.acceptedNow" : "plans.signedNow", { side: sides[party] }));
      onChanged();
    } catch (e) {
      setRefusal(e);
    } finally {
      setWorking(false);
      setAsking(null);
    }
  };
  const same = (x: { action: Approval; party: Side } | null, action: Approval, party: Side) =>
    x?.action === action && x.party === party;

  return (
    <section aria-labelledby="approvals-title">
      <h2 id="approvals-title">{t("plans.approvals")}</h2>
      <ul class="parties">
        {(["a", "b"] as const).map((party) => {
          const accepted = approval("accept", party);
          const signed = approval("sign", party);
          return (
            <li data-party={party} class={signed ? "signed" : accepted ? "accepted" : "open"}>
              <span class="party-name">{sides[party]}</span>{" "}
              <span class="detail">({t("plans.party", { letter: party })})</span>
              {": "}
              <span class="approval-state">
                {accepted
                  ? t("plans.acceptedBy", { name: accepted.actor ?? "", at: formatDate(accepted.at) })
                  : t("plans.notAccepted")}
                {"; "}
                {signed ? t("plans.signedBy", { name: signed.actor ?? "", at: formatDate(signed.at) }) : t("plans.notSigned")}
              </span>
              {offers(party).map((action) =>
                same(asking, action, party) ? (
                  <ConfirmStep
                    label={termFor("plans.do", action, { side: sides[party] })}
                    question={termFor("plans.confirm", action, { id: plan.id ?? "", side: sides[party] })}
                    confirm={termFor("plans.confirmYes", action)}
                    working={t("plans.working")}
                    cancel={t("agreements.cancel")}
                    tone="accept"
                    busy={working}
                    onConfirm={() => void act(action, party)}
                    onCancel={() => {
                      setCancelled({ action, party });
                      setAsking(null);
                    }}
                  />
                ) : (
                  <FocusedButton
                    class="approve"
                    focus={same(cancelled, action, party)}
                    disabled={working || asking !== null}
                    onClick={() => setAsking({ action, party })}
                  >
                    {termFor("plans.do", action, { side: sides[party] })}
                  </FocusedButton>
                ),
              )}
            </li>
          );
        })}
      </ul>
      {plan.state === "proposed" && plan.approvals?.some((a) => a.action === "accept") && (
        <p class="detail">{t("plans.waitingForOther")}</p>
      )}
      {done && (
        <p class="done-now" role="status">
          {done}
        </p>
      )}
      <Refusal error={refusal} />
    </section>
  );
}

// The person card (#/records/{id}): everything about one person the caller may see, each part
// from its own API call, so a part the role or side may not read fails alone:
//   the record and its versions    GET /records/{id}, /records/{id}/history (access-logged)
//   the current status             GET /records/{id} (status)
//   links to other lists           the link ids of link.decided events, then GET /links/{id}
//   interview and handover         GET /records/{id}/interview, /records/{id}/handovers
//   plans and phases               the plan ids of plan.* events, then GET /plans/{plan}
//   the signed history in words    GET /records/{id}/events
//   who read the record            GET /records/{id}/access-log (admin), read after this
//                                  card's own reads so that they are in it
// GET /links cannot be filtered by record, so links nobody has decided (proposed or accepted
// automatically by a reconciliation) are not found here: reading every link of the list to find
// them would write every other person of it into the access log.
import { useState } from "preact/hooks";
import { get, type Link, type PersonRecord } from "../api/client";
import type { operations } from "../api/schema";
import { ErrorNote } from "../components/error_note";
import { PersonName } from "../components/person_name";
import { describeEvent, signerName, type LedgerEntry } from "../components/ledger_event";
import { formatDate, formatNumber, t, termFor } from "../i18n/i18n";
import { href, navigate } from "../router";
import { can, useSession } from "../session";
import { useLoad } from "../use_load";

type Ok<K extends keyof operations> = operations[K]["responses"] extends {
  200: { content: { "application/json": infer T } };
}
  ? T
  : never;
type History = Ok<"getRecordHistory">;
type Events = Ok<"getRecordEvents">;
type InterviewAnswer = Ok<"getInterview">;
type HandoversAnswer = Ok<"listHandovers">;
type AccessLog = Ok<"getAccessLog">;
type Plan = Ok<"getPlan">;

const recordFields = [
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


export function PersonPage({ id }: { id: string | undefined }) {
  if (id === undefined) return <OpenCard />;
  return <PersonCard key={id} id={id} />;
}

function OpenCard() {
  const [value, setValue] = useState("");
  return (
    <>
      <h1>{t("person.open.title")}</h1>
      <p>{t("person.open.hint")}</p>
      <form
        class="open-card"
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) navigate(["records", value.trim()]);
        }}
      >
        <label>
          {t("person.open.id")}
          <input
            name="record"
            inputMode="numeric"
            pattern="[0-9]+"
            required
            value={value}
            onInput={(e) => setValue((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit">{t("person.open.submit")}</button>
      </form>
    </>
  );
}

function PersonCard({ id }: { id: string }) {
  const session = useSession();
  const base = `/records/${encodeURIComponent(id)}`;
  const recordId = Number(id);
  const record = useLoad(() => get<PersonRecord>(base), [id]);
  const history = useLoad(() => get<History>(`${base}/history`), [id]);
  const events = useLoad(() => get<Events>(`${base}/events`), [id]);
  const interview = useLoad(() => get<InterviewAnswer>(`${base}/interview`), [id]);
  const handovers = useLoad(() => get<HandoversAnswer>(`${base}/handovers`), [id]);
  const entries = events.data?.events;
  const links = useLoad(() => linksOf(entries), [entries]);
  const plans = useLoad(() => plansOf(entries), [entries]);
  const mayReadLog = can(session, "getAccessLog");
  const readDone = record.data !== undefined && history.data !== undefined;
  const accessLog = useLoad(
    () => (mayReadLog && readDone ? get<AccessLog>(`${base}/access-log`) : Promise.resolve(undefined)),
    [id, readDone],
  );

  if (record.error) {
    return (
      <>
        <h1>{t("person.title")}</h1>
        <ErrorNote error={record.error} />
      </>
    );
  }
  const latest = record.data;
  if (!latest) return <p class="loading">{t("common.loading")}</p>;
  return (
    <article class="person" aria-labelledby="person-name">
      <h1 id="person-name">
        <PersonName record={latest} fallback={t("person.title")} />
      </h1>
      <p class="detail">
        {t("person.of", { list: latest.list ?? "", key: latest.id ?? "", id: latest.record_id ?? id })}
      </p>
      <p class="status-line">
        {t("person.status")}:{" "}
        <strong class={`status ${latest.status ?? ""}`}>{termFor("person.status", latest.status)}</strong>
      </p>

      <section aria-labelledby="versions-title">
        <h2 id="versions-title">{t("person.versions")}</h2>
        <ErrorNote error={history.error} />
        {history.data && <Versions versions={history.data.versions ?? []} />}
      </section>

      <section aria-labelledby="links-title">
        <h2 id="links-title">{t("person.links")}</h2>
        <p class="detail">{t("person.linksNote")}</p>
        <ErrorNote error={links.error} />
        {links.data && <Links links={links.data} recordId={recordId} />}
      </section>

      <section aria-labelledby="interview-title">
        <h2 id="interview-title">{t("person.interview")}</h2>
        <ErrorNote error={interview.error} />
        {interview.data && <Interviews answer={interview.data} />}
      </section>

      <section aria-labelledby="handover-title">
        <h2 id="handover-title">{t("person.handovers")}</h2>
        <ErrorNote error={handovers.error} />
        {handovers.data && <Handovers answer={handovers.data} />}
      </section>

      <section aria-labelledby="plans-title">
        <h2 id="plans-title">{t("person.plans")}</h2>
        <ErrorNote error={plans.error} />
        {plans.data && <Plans found={plans.data} recordId={recordId} />}
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("person.history")}</h2>
        <p class="detail">{t("person.historyNote")}</p>
        <ErrorNote error={events.error} />
        {entries && <HistoryInWords entries={entries} />}
      </section>

      {mayReadLog && (
        <section aria-labelledby="access-title">
          <h2 id="access-title">{t("person.accessLog")}</h2>
          <p class="detail">{t("person.accessLogNote")}</p>
          <ErrorNote error={accessLog.error} />
          {accessLog.data && <AccessEntries log={accessLog.data} />}
        </section>
      )}
    </article>
  );
}

// The links decided on this record, as they are now (a later decision may have changed them).
async function linksOf(entries: LedgerEntry[] | undefined): Promise<Link[] | undefined> {
  if (!entries) return undefined;
  const ids = new Set<number>();
  for (const e of entries) {
    const link = (e.body as Record<string, unknown>)["link"];
    if (e.type === "link.decided" && typeof link === "number") ids.add(link);
  }
  const read = await Promise.allSettled([...ids].map((linkId) => get<Link>(`/links/${linkId}`)));
  return read.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
}

interface PlansFound {
  plans: Plan[];
  unread: number;
}

// The plans the history names (those whose people include this record, and their lines of
// counter-proposals and repairs), each read whole for the person's phase.
async function plansOf(entries: LedgerEntry[] | undefined): Promise<PlansFound | undefined> {
  if (!entries) return undefined;
  const ids = new Set<number>();
  for (const e of entries) {
    const plan = (e.body as Record<string, unknown>)["plan"];
    if (e.type.startsWith("plan.") && typeof plan === "number") ids.add(plan);
  }
  const read = await Promise.allSettled([...ids].map((planId) => get<Plan>(`/plans/${planId}`)));
  return {
    plans: read.flatMap((r) => (r.status === "fulfilled" ? [r.value] : [])),
    unread: read.filter((r) => r.status === "rejected").length,
  };
}

function fieldValue(r: PersonRecord, field: string): string {
  if (field === "notes") return r.notes ?? "";
  if (field in (r.extra ?? {})) return r.extra?.[field] ?? "";
  const value = r[field as (typeof recordFields)[number]];
  return field === "birth_date" ? formatDate(value) : (value ?? "");
}

function fieldLabel(field: string): string {
  if (field === "notes") return t("person.col.notes");
  return termFor("field", field);
}

// Every version side by side, fields down the side; a value that differs from the version
// before it is marked.
function Versions({ versions }: { versions: PersonRecord[] }) {
  if (versions.length === 0) return <p>{t("common.none")}</p>;
  const extras = [...new Set(versions.flatMap((v) => Object.keys(v.extra ?? {})))];
  const fields = [...recordFields, "notes", ...extras].filter((f) =>
    versions.some((v) => fieldValue(v, f) !== ""),
  );
  return (
    <table class="versions">
      <thead>
        <tr>
          <td></td>
          {versions.map((v) => (
            <th scope="col">
              {t("person.versionHead", { version: v.record_version ?? "" })}
              <span class="detail"> · {t("person.versionFrom", { version: v.created_in_list_version ?? "" })}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr>
            <th scope="row">{fieldLabel(f)}</th>
            {versions.map((v, i) => {
              const value = fieldValue(v, f);
              const changed = i > 0 && value !== fieldValue(versions[i - 1]!, f);
              return (
                <td class={changed ? "changed" : undefined}>
                  {value}
                  {changed && <span class="visually-hidden"> {t("person.changed")}</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Links({ links, recordId }: { links: Link[]; recordId: number }) {
  if (links.length === 0) return <p>{t("person.noLinks")}</p>;
  return (
    <table class="links">
      <thead>
        <tr>
          <th scope="col">{t("person.col.list")}</th>
          <th scope="col">{t("person.col.other")}</th>
          <th scope="col">{t("person.col.state")}</th>
          <th scope="col" class="number">
            {t("person.col.probability")}
          </th>
          <th scope="col">{t("person.col.by")}</th>
        </tr>
      </thead>
      <tbody>
        {links.map((l) => {
          const mine = l.left_record_id === recordId;
          const other = mine ? l.right : l.left;
          const otherId = mine ? l.right_record_id : l.left_record_id;
          const otherKey = mine ? l.right_key : l.left_key;
          return (
            <tr>
              <td>{mine ? l.right_list : l.left_list}</td>
              <td>
                <a href={href(["records", String(otherId ?? "")])}><PersonName record={other} fallback={otherKey} /></a>
                <span class="detail"> · {otherKey}</span>
              </td>
              <td>{termFor("state", l.state)}</td>
              <td class="number">{formatNumber(l.probability ?? 0, 3)}</td>
              <td>{l.decided_by ?? ""}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Interviews({ answer }: { answer: InterviewAnswer }) {
  const rows = answer.history ?? [];
  if (rows.length === 0) return <p>{t("person.noInterview")}</p>;
  return (
    <table class="interviews">
      <thead>
        <tr>
          <th scope="col" class="number">
            {t("person.col.version")}
          </th>
          <th scope="col">{t("person.col.outcome")}</th>
          <th scope="col">{t("person.col.by")}</th>
          <th scope="col">{t("person.col.when")}</th>
          <th scope="col">{t("person.col.notes")}</th>
        </tr>
      </thead>
      <tbody>
        {[...rows].reverse().map((i) => (
          <tr aria-current={i.version === answer.version ? "true" : undefined}>
            <td class="number">{i.version}</td>
            <td>{termFor("person.outcome", i.outcome)}</td>
            <td>{i.interviewer}</td>
            <td>{formatDate(i.at)}</td>
            <td>{i.notes}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Handovers({ answer }: { answer: HandoversAnswer }) {
  const rows = answer.events ?? [];
  if (rows.length === 0) return <p>{t("person.noHandovers")}</p>;
  return (
    <table class="handovers">
      <thead>
        <tr>
          <th scope="col" class="number">
            {t("person.col.seq")}
          </th>
          <th scope="col">{t("person.col.event")}</th>
          <th scope="col" class="number">
            {t("person.col.phase")}
          </th>
          <th scope="col">{t("person.col.place")}</th>
          <th scope="col">{t("person.col.when")}</th>
          <th scope="col">{t("person.col.by")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => (
          <tr>
            <td class="number">{e.seq}</td>
            <td>{termFor("person.handover", e.event)}</td>
            <td class="number">{e.phase}</td>
            <td>{e.place}</td>
            <td>{formatDate(e.at)}</td>
            <td>{e.actor}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Plans({ found, recordId }: { found: PlansFound; recordId: number }) {
  return (
    <>
      {found.plans.length === 0 && found.unread === 0 && <p>{t("person.noPlans")}</p>}
      {found.plans.length > 0 && (
        <table class="plans">
          <thead>
            <tr>
              <th scope="col">{t("person.col.plan")}</th>
              <th scope="col">{t("person.col.agreement")}</th>
              <th scope="col">{t("person.col.phase")}</th>
              <th scope="col">{t("person.col.rule")}</th>
            </tr>
          </thead>
          <tbody>
            {found.plans.map((p) => {
              const person = (p.people ?? []).find((x) => x.record_id === recordId);
              const placed = !person
                ? t("person.notAmong")
                : person.dropped
                  ? t("person.dropped", { reason: person.dropped })
                  : person.phase
                    ? t("person.phase", { phase: person.phase })
                    : t("person.notExchanged");
              return (
                <tr>
                  <td>
                    {t("person.planName", { id: p.id ?? "" })}
                    <span class="detail">
                      {" · "}
                      {t("person.planState", {
                        kind: termFor("person.plan.kind", p.kind),
                        state: termFor("person.plan.state", p.state),
                      })}
                    </span>
                  </td>
                  <td>
                    <a href={href(["agreements", p.agreement ?? ""], { version: String(p.agreement_version ?? "") })}>
                      {p.agreement}
                    </a>
                  </td>
                  <td>{placed}</td>
                  <td lang="en">{person?.rule ?? ""}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {found.unread > 0 && <p class="notice">{t("person.plansUnread", { count: found.unread })}</p>}
    </>
  );
}

function HistoryInWords({ entries }: { entries: LedgerEntry[] }) {
  if (entries.length === 0) return <p>{t("person.noHistory")}</p>;
  return (
    <ol class="history">
      {entries.map((e) => (
        <li data-type={e.type}>
          <time dateTime={e.time}>{formatDate(e.time)}</time>
          <span class="sentence">{describeEvent(e)}</span>
          <span class="detail signed">{t("person.signedBy", { key: signerName(e) })}</span>
        </li>
      ))}
    </ol>
  );
}

function AccessEntries({ log }: { log: AccessLog }) {
  const rows = log.entries ?? [];
  if (rows.length === 0) return <p>{t("common.none")}</p>;
  return (
    <table class="access-log">
      <thead>
        <tr>
          <th scope="col">{t("person.col.when")}</th>
          <th scope="col">{t("person.col.user")}</th>
          <th scope="col">{t("person.col.action")}</th>
          <th scope="col" class="number">
            {t("person.col.reads")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>{formatDate(r.at)}</td>
            <td>{r.user}</td>
            <td>{termFor("person.action", r.action)}</td>
            <td class="number">{formatNumber(r.reads ?? 1)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

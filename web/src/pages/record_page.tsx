// The record and proofs (#/record), every part in words, each from its own API call:
//   this node's checkpoint    GET /ledger (the latest signed checkpoint taken apart, and the
//                             other parties' logs held here); "Verify this node's record"
//                             POST /ledger/verify (admins and signers)
//   a bundle checked          POST /bundles/verify: the checks of an import, against what this
//                             node holds, with nothing imported (admins and signers)
//   one thing's history       #/record?list=NAME | record=ID | plan=ID | agreement=NAME:
//                             GET /ledger/entries?subject=KIND:NAME, or for a person record
//                             GET /records/{id}/events (which checks that the side may see it)
// The node keeps only its latest checkpoint (it signs one with every change), so there is no
// history of checkpoints to show; the bundles it exported carry the earlier ones.
import { useEffect, useState } from "preact/hooks";
import { get, post, query } from "../api/client";
import type { operations } from "../api/schema";
import { ErrorNote } from "../components/error_note";
import { describeEvent, describeSummary, joinNames, plural, signerName, type LedgerEntry } from "../components/ledger_event";
import { formatDate, formatNumber, t, termFor } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { href, navigate } from "../router";
import { can, useSession } from "../session";
import { useLoad } from "../use_load";
import "./record_page.css";

type Ok<K extends keyof operations> = operations[K]["responses"] extends {
  200: { content: { "application/json": infer T } };
}
  ? T
  : never;
type Ledger = Ok<"getLedger">;
type Verification = Ok<"verifyLedger">;
type BundleReport = Ok<"verifyBundle">;
type Entries = Ok<"listLedgerEntries">;
type RecordEvents = Ok<"getRecordEvents">;
type CheckpointDetail = NonNullable<Ledger["checkpoint_detail"]>;

const subjectKinds = ["list", "record", "plan", "agreement"] as const;
type SubjectKind = (typeof subjectKinds)[number];
interface Subject {
  kind: SubjectKind;
  name: string;
}

function subjectOf(params: URLSearchParams): Subject | undefined {
  for (const kind of subjectKinds) {
    const name = params.get(kind);
    if (name) return { kind, name };
  }
  return undefined;
}

export function RecordPage({ params }: { params: URLSearchParams }) {
  const session = useSession();
  const subject = subjectOf(params);
  const history = <SubjectHistory key={`${subject?.kind}:${subject?.name}`} subject={subject} />;
  return (
    <div class="record-page">
      <h1>{t("record.title")}</h1>
      <p class="detail">{t("record.intro")}</p>
      {subject && history}
      <CheckpointSection mayVerify={can(session, "verifyLedger")} />
      {can(session, "verifyBundle") && <BundleSection />}
      {!subject && history}
    </div>
  );
}

function Signers({ detail }: { detail: CheckpointDetail }) {
  return (
    <>
      {joinNames(
        detail.signers.map((s) =>
          s.verified ? t("record.checkpoint.verified", { name: s.name }) : t("record.checkpoint.unknown", { name: s.name }),
        ),
      )}
    </>
  );
}

function CheckpointSection({ mayVerify }: { mayVerify: boolean }) {
  const ledger = useLoad(() => get<Ledger>("/ledger"), []);
  const [working, setWorking] = useState(false);
  const [verdict, setVerdict] = useState<Verification | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const verify = async () => {
    setWorking(true);
    setVerdict(undefined);
    setFailure(undefined);
    try {
      setVerdict(await post<Verification>("/ledger/verify"));
    } catch (e) {
      setFailure(e);
    } finally {
      setWorking(false);
    }
  };
  const head = ledger.data;
  const detail = head?.checkpoint_detail;
  return (
    <section aria-labelledby="checkpoint-title">
      <h2 id="checkpoint-title">{t("record.checkpoint.title")}</h2>
      <ErrorNote error={ledger.error} />
      {head && (
        <>
          <dl class="checkpoint">
            <dt>{t("record.checkpoint.log")}</dt>
            <dd>
              <code>{head.origin}</code>
            </dd>
            <dt>{t("record.checkpoint.node")}</dt>
            <dd>{head.node}</dd>
            {detail ? (
              <>
                <dt>{t("record.checkpoint.size")}</dt>
                <dd class="size">{formatNumber(detail.size)}</dd>
                <dt>{t("record.checkpoint.root")}</dt>
                <dd>
                  <code class="hash">{detail.root}</code>
                </dd>
                <dt>{t("record.checkpoint.signedBy")}</dt>
                <dd class="signers">
                  <Signers detail={detail} />
                </dd>
                <dt>{t("record.checkpoint.time")}</dt>
                <dd>{detail.time ? <time dateTime={detail.time}>{formatDate(detail.time)}</time> : ""}</dd>
              </>
            ) : (
              <>
                <dt>{t("record.checkpoint.size")}</dt>
                <dd>{t("record.checkpoint.none")}</dd>
              </>
            )}
          </dl>
          <p class="detail">{t("record.checkpoint.historyNote")}</p>
          <h3>{t("record.replicas.title")}</h3>
          {(head.replicas ?? []).length === 0 ? (
            <p>{t("record.replicas.none")}</p>
          ) : (
            <table class="replicas">
              <thead>
                <tr>
                  <th scope="col">{t("record.checkpoint.log")}</th>
                  <th scope="col" class="number">
                    {t("record.checkpoint.size")}
                  </th>
                  <th scope="col">{t("record.checkpoint.signedBy")}</th>
                  <th scope="col">{t("record.checkpoint.time")}</th>
                </tr>
              </thead>
              <tbody>
                {(head.replicas ?? []).map((r) => (
                  <tr>
                    <td>
                      <code>{r.origin}</code>
                    </td>
                    <td class="number">{formatNumber(r.size ?? 0)}</td>
                    <td>{r.checkpoint_detail && <Signers detail={r.checkpoint_detail} />}</td>
                    <td>{formatDate(r.checkpoint_detail?.time ?? undefined)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {mayVerify && (
        <p>
          <button type="button" class="verify" disabled={working} onClick={() => void verify()}>
            {working ? t("record.verify.working") : t("record.verify.button")}
          </button>
        </p>
      )}
      <ErrorNote error={failure} />
      {verdict && <VerificationWords verdict={verdict} />}
    </section>
  );
}

function VerificationWords({ verdict }: { verdict: Verification }) {
  if (!verdict.ok) {
    const message = (verdict.error as { message?: string } | undefined)?.message ?? "";
    return (
      <div class="verdict bad" role="alert">
        <p>{t("record.verify.failed", { message })}</p>
      </div>
    );
  }
  return (
    <div class="verdict good" role="status">
      <ul>
        {(verdict.logs ?? []).map((log) => {
          const params = {
            origin: log.origin ?? "",
            count: formatNumber(log.size ?? 0),
            checkpoint: log.checkpoint_checked ? t("record.verify.checkpointOk") : t("record.verify.checkpointNone"),
          };
          return <li>{log.own ? t("record.verify.own", params) : t("record.verify.replica", params)}</li>;
        })}
      </ul>
      <p>
        <strong>{t("record.verify.allOk")}</strong>
      </p>
    </div>
  );
}

function BundleSection() {
  const [file, setFile] = useState<File | null>(null);
  const [working, setWorking] = useState(false);
  const [report, setReport] = useState<BundleReport | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const check = async (e: Event) => {
    e.preventDefault();
    if (!file) return;
    setWorking(true);
    setReport(undefined);
    setFailure(undefined);
    const form = new FormData();
    form.append("file", file, file.name);
    try {
      setReport(await post<BundleReport>("/bundles/verify", form));
    } catch (error) {
      setFailure(error);
    } finally {
      setWorking(false);
    }
  };
  return (
    <section aria-labelledby="bundle-title">
      <h2 id="bundle-title">{t("record.bundle.title")}</h2>
      <p class="detail">{t("record.bundle.intro")}</p>
      <form class="bundle" onSubmit={(e) => void check(e)}>
        <label>
          {t("record.bundle.file")}
          <input
            type="file"
            name="file"
            required
            onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)}
          />
        </label>
        <button type="submit" disabled={working || !file}>
          {working ? t("record.bundle.working") : t("record.bundle.submit")}
        </button>
      </form>
      <ErrorNote error={failure} />
      {report && <BundleWords report={report} />}
    </section>
  );
}

function verdictOf(report: BundleReport): { key: MessageKey; tone: string } {
  if (!report.intact) return { key: "record.bundle.verdict.refused", tone: "bad" };
  if (!report.fit?.ok) return { key: "record.bundle.verdict.conflict", tone: "bad" };
  if (!report.trusted) return { key: "record.bundle.verdict.untrusted", tone: "warn" };
  return { key: "record.bundle.verdict.ok", tone: "good" };
}

// What the bundle proves, a sentence a fact; a refusal names the first problem.
function BundleWords({ report }: { report: BundleReport }) {
  const verdict = verdictOf(report);
  const sentences: string[] = [];
  if (report.file) sentences.push(t("record.bundle.file.name", { file: report.file, bytes: formatNumber(report.bytes ?? 0) }));
  if (!report.intact) {
    const error = report.error ?? {};
    sentences.push(
      error.entry !== undefined
        ? t("record.bundle.problemEntry", { seq: error.entry, message: error.message ?? "" })
        : t("record.bundle.problem", { message: error.message ?? "" }),
    );
    const claimed = report.claimed;
    if (claimed) {
      sentences.push(
        t("record.bundle.claimed", {
          from: claimed.since ?? 0,
          to: Math.max((claimed.size ?? 0) - 1, claimed.since ?? 0),
          origin: claimed.origin ?? "",
        }),
      );
    }
  }
  return (
    <div class={`bundle-report ${verdict.tone}`} role="status" aria-live="polite">
      <h3>{t(verdict.key)}</h3>
      <ul class="proofs">
        {sentences.map((s) => (
          <li>{s}</li>
        ))}
        {report.intact && <IntactWords report={report} />}
        <li class="nothing-imported">{t("record.bundle.nothingImported")}</li>
      </ul>
      {report.intact && (report.entries ?? []).length > 0 && (
        <details class="bundle-entries">
          <summary>{t("record.bundle.entries")}</summary>
          {report.entries_truncated && (
            <p class="detail">
              {t("record.bundle.entriesTruncated", {
                shown: formatNumber(report.entries?.length ?? 0),
                count: formatNumber(report.entry_count ?? 0),
              })}
            </p>
          )}
          <EventList entries={report.entries ?? []} />
        </details>
      )}
    </div>
  );
}

function IntactWords({ report }: { report: BundleReport }) {
  const origin = report.origin ?? "";
  const count = report.entry_count ?? 0;
  const from = report.since ?? 0;
  const to = (report.size ?? 0) - 1;
  const whose: MessageKey = report.own_log
    ? "record.bundle.whose.own"
    : report.replica_held
      ? "record.bundle.whose.replica"
      : "record.bundle.whose.new";
  const range =
    count === 0
      ? t("record.bundle.range.none", { size: formatNumber(report.size ?? 0) })
      : count === 1
        ? t("record.bundle.range.single", { from })
        : plural("record.bundle.range", count, { from, to });
  const cp = report.checkpoint;
  const fit = report.fit;
  const disclosure = report.disclosure;
  return (
    <>
      <li>{t(whose, { origin })}</li>
      <li>
        {range}
        {(report.summary ?? []).length > 0 && (
          <>
            {" "}
            {t("record.bundle.about")}
            <ul class="summary">
              {(report.summary ?? []).map((row) => (
                <li data-type={row.type}>
                  {describeSummary(row)}{" "}
                  <span class="detail">
                    (
                    {row.first_seq === row.last_seq
                      ? t("record.summary.seq", { first: row.first_seq })
                      : t("record.summary.seqs", { first: row.first_seq, last: row.last_seq })}
                    )
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </li>
      {cp && (
        <li>
          {t("record.bundle.checkpoint", { size: formatNumber(cp.size), root: cp.root })}{" "}
          {cp.signers
            .map((s) =>
              s.trusted
                ? t("record.bundle.signer.trusted", { name: s.name })
                : t("record.bundle.signer.untrusted", { name: s.name }),
            )
            .join(" ")}
        </li>
      )}
      {fit && (
        <li class={fit.ok ? "fit" : "fit conflict"}>
          {!fit.ok
            ? t("record.bundle.fit.conflict", { message: fit.error?.message ?? "" })
            : (fit.adds ?? 0) === 0
              ? t("record.bundle.fit.same", { count: formatNumber(fit.already_held ?? 0) })
              : (fit.held ?? 0) === 0
                ? t("record.bundle.fit.new", { adds: formatNumber(fit.adds ?? 0) })
                : t("record.bundle.fit.extends", {
                    held: formatNumber(fit.held ?? 0),
                    adds: formatNumber(fit.adds ?? 0),
                  })}
        </li>
      )}
      {disclosure ? (
        <li>
          {t("record.bundle.disclosure", {
            recipient: disclosure.recipient ?? "",
            records: formatNumber((disclosure.lists ?? []).reduce((n, l) => n + (l.records ?? 0), 0)),
            lists: formatNumber((disclosure.lists ?? []).length),
          })}{" "}
          {t("record.bundle.disclosure.fields", {
            shown: fieldNames((disclosure.lists ?? []).flatMap((l) => l.shown_fields ?? [])),
            withheld: fieldNames((disclosure.lists ?? []).flatMap((l) => l.withheld_fields ?? [])),
          })}
        </li>
      ) : (
        <li>{t("record.bundle.noDisclosure")}</li>
      )}
    </>
  );
}

function fieldNames(fields: string[]): string {
  const unique = [...new Set(fields)];
  return unique.length === 0 ? "—" : joinNames(unique.map((f) => termFor("field", f)));
}

// Signed events, oldest first: seq, time, the event in words, who signed it, and the entry as
// signed behind a disclosure.
function EventList({ entries }: { entries: LedgerEntry[] }) {
  return (
    <ol class="history ledger">
      {entries.map((e) => (
        <li data-type={e.type} data-seq={e.seq}>
          <span class="seq">{t("record.history.seq", { seq: e.seq })}</span>
          <time dateTime={e.time}>{formatDate(e.time)}</time>
          <span class="sentence">{describeEvent(e)}</span>
          <span class="detail signed">{t("person.signedBy", { key: signerName(e) })}</span>
          <details>
            <summary>{t("record.history.details")}</summary>
            <p class="detail">{t("record.history.raw")}</p>
            <pre>{JSON.stringify(e, null, 2)}</pre>
          </details>
        </li>
      ))}
    </ol>
  );
}

const pageSize = 100;

interface Loaded {
  entries: LedgerEntry[];
  next: number | null;
  matching: number;
}

async function loadEvents(subject: Subject, from: number): Promise<Loaded> {
  if (subject.kind === "record") {
    const r = await get<RecordEvents>(`/records/${encodeURIComponent(subject.name)}/events`);
    const entries = (r.events ?? []) as LedgerEntry[];
    return { entries, next: null, matching: entries.length };
  }
  const r = await get<Entries>(
    `/ledger/entries${query({ subject: `${subject.kind}:${subject.name}`, from, limit: pageSize })}`,
  );
  return { entries: (r.entries ?? []) as LedgerEntry[], next: r.next ?? null, matching: r.matching ?? 0 };
}

function pageOf(subject: Subject): string {
  switch (subject.kind) {
    case "list":
      return href(["lists", subject.name]);
    case "record":
      return href(["records", subject.name]);
    case "plan":
      return href(["plans", subject.name]);
    case "agreement":
      return href(["agreements", subject.name]);
  }
}

function SubjectHistory({ subject }: { subject: Subject | undefined }) {
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [error, setError] = useState<unknown>();
  const [working, setWorking] = useState(false);
  useEffect(() => {
    if (!subject) return;
    let live = true;
    loadEvents(subject, 0).then(
      (l) => live && setLoaded(l),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, []);
  const more = async () => {
    if (!subject || !loaded || loaded.next === null) return;
    setWorking(true);
    try {
      const page = await loadEvents(subject, loaded.next);
      setLoaded({ ...page, entries: [...loaded.entries, ...page.entries] });
    } catch (e) {
      setError(e);
    } finally {
      setWorking(false);
    }
  };
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t("record.history.title")}</h2>
      <p class="detail">{t("record.history.intro")}</p>
      <SubjectForm subject={subject} />
      {subject && (
        <>
          <h3 class="subject">
            {t(`record.history.of.${subject.kind}`, { name: subject.name })}{" "}
            <a class="open" href={pageOf(subject)}>
              {t("record.history.open")}
            </a>
          </h3>
          <ErrorNote error={error} />
          {loaded && loaded.entries.length === 0 && <p>{t("record.history.none")}</p>}
          {loaded && loaded.entries.length > 0 && (
            <>
              <p class="detail">{plural("record.history.count", loaded.matching)}</p>
              <EventList entries={loaded.entries} />
              {loaded.next !== null && (
                <button type="button" disabled={working} onClick={() => void more()}>
                  {t("record.history.more")}
                </button>
              )}
            </>
          )}
          {!loaded && !error && <p class="loading">{t("common.loading")}</p>}
        </>
      )}
    </section>
  );
}

function SubjectForm({ subject }: { subject: Subject | undefined }) {
  const [kind, setKind] = useState<SubjectKind>(subject?.kind ?? "list");
  const [name, setName] = useState(subject?.name ?? "");
  const lists = useLoad(() => get<{ lists: { list?: string }[] }>("/lists"), []);
  return (
    <form
      class="subject"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) navigate(["record"], { [kind]: name.trim() });
      }}
    >
      <label>
        {t("record.history.kind")}
        <select name="kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as SubjectKind)}>
          {subjectKinds.map((k) => (
            <option value={k}>{t(`record.history.kind.${k}`)}</option>
          ))}
        </select>
      </label>
      <label>
        {t("record.history.name")}
        <input
          name="subject"
          required
          list={kind === "list" ? "record-lists" : undefined}
          value={name}
          onInput={(e) => setName((e.target as HTMLInputElement).value)}
        />
      </label>
      <datalist id="record-lists">
        {(lists.data?.lists ?? []).map((l) => (
          <option value={l.list} />
        ))}
      </datalist>
      <button type="submit">{t("record.history.show")}</button>
    </form>
  );
}

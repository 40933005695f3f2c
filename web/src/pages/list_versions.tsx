// What the list page (#/lists/{name}) offers beside its versions and records:
//   ListTools       the list's signed history (#/record?list=NAME) and the shown version as a
//                   CSV or XLSX file (GET /lists/{list}/versions/{v}/export?format=..., for the
//                   roles that may export; the download is access-logged by the server)
//   VersionChanges  two versions compared (GET /lists/{list}/versions/{to}/changes?since=from):
//                   counts on top, then records added, removed and changed, field by field,
//                   a page at a time. Loaded only when asked for (&from=&to=), since every
//                   record listed is written to the access log.
//   ListShares      which sides the list is shared with (GET /lists/{list}/shares) and, for
//                   those the server lets share it, Share / Stop sharing after a confirming step
//                   (PUT /lists/{list}/shares/{side} with the version read).
import { ConfirmStep } from "../components/confirm_step";
import { useState } from "preact/hooks";
import { get, put, query, type ListVersion, type Schemas } from "../api/client";
import type { operations } from "../api/schema";
import { ErrorNote } from "../components/error_note";
import { FocusedButton } from "../components/focused_button";
import { Pager } from "../components/pager";
import { PersonName } from "../components/person_name";
import { Refusal } from "../components/refusal";
import { formatDate, formatNumber, t, termFor } from "../i18n/i18n";
import { href } from "../router";
import { can, useSession } from "../session";
import { useLoad } from "../use_load";
import "./list_versions.css";

type Changes = operations["listChanges"]["responses"][200]["content"]["application/json"];
type Change = Changes["changes"][number];
type Share = Schemas["Share"];

const changeKinds = ["added", "removed", "changed"] as const;
const changesPage = 50;

function listPath(name: string): string {
  return `/lists/${encodeURIComponent(name)}`;
}

export function ListTools({ name, version }: { name: string; version: number | undefined }) {
  const session = useSession();
  const file = (format: "csv" | "xlsx") =>
    `/api/v1${listPath(name)}/versions/${version ?? "latest"}/export${query({ format })}`;
  return (
    <nav class="list-tools" aria-label={name}>
      <a href={href(["record"], { list: name })}>{t("listv.history")}</a>
      {can(session, "exportList") && version !== undefined && (
        <>
          <a class="export" href={file("csv")} download={`${name}-v${version}.csv`}>
            {t("listv.export.csv", { version })}
          </a>
          <a class="export" href={file("xlsx")} download={`${name}-v${version}.xlsx`}>
            {t("listv.export.xlsx", { version })}
          </a>
        </>
      )}
    </nav>
  );
}

interface CompareProps {
  name: string;
  versions: ListVersion[];
  params: URLSearchParams;
}

// The link to this page with `changes` replacing the comparison's parameters, the rest kept.
function withChanges(name: string, params: URLSearchParams, changes: Record<string, string | undefined>): string {
  const kept: Record<string, string | undefined> = {};
  params.forEach((value, key) => (kept[key] = value));
  return href(["lists", name], { ...kept, ...changes });
}

export function VersionChanges({ name, versions, params }: CompareProps) {
  const numbers = versions.map((v) => v.version ?? 0).sort((a, b) => a - b);
  const latest = numbers[numbers.length - 1] ?? 1;
  const toParam = params.get("to");
  const fromParam = params.get("from");
  const [to, setTo] = useState(Number(toParam ?? latest));
  const [from, setFrom] = useState(Number(fromParam ?? numbers[numbers.length - 2] ?? latest));
  return (
    <section aria-labelledby="changes-title">
      <h2 id="changes-title">{t("listv.compare.title")}</h2>
      {numbers.length < 2 ? (
        <p>{t("listv.compare.single")}</p>
      ) : (
        <form
          class="compare"
          onSubmit={(e) => {
            e.preventDefault();
            location.hash = withChanges(name, params, { from: String(from), to: String(to), kind: undefined, at: undefined });
          }}
        >
          <label>
            {t("listv.compare.from")}
            <select name="from" value={from} onChange={(e) => setFrom(Number((e.target as HTMLSelectElement).value))}>
              {numbers.map((n) => (
                <option value={n}>{n}</option>
              ))}
            </select>
          </label>
          <label>
            {t("listv.compare.to")}
            <select name="to" value={to} onChange={(e) => setTo(Number((e.target as HTMLSelectElement).value))}>
              {numbers.map((n) => (
                <option value={n}>{n}</option>
              ))}
            </select>
          </label>
          <button type="submit">{t("listv.compare.submit")}</button>
        </form>
      )}
      {toParam && fromParam && <ChangesShown name={name} from={fromParam} to={toParam} params={params} />}
    </section>
  );
}

function ChangesShown({ name, from, to, params }: { name: string; from: string; to: string; params: URLSearchParams }) {
  const kind = params.get("kind") ?? undefined;
  const at = Number(params.get("at") ?? 0);
  const changes = useLoad(
    () =>
      get<Changes>(
        `${listPath(name)}/versions/${encodeURIComponent(to)}/changes${query({ since: from, kind, offset: at, limit: changesPage })}`,
      ),
    [name, from, to, kind, at],
  );
  const data = changes.data;
  return (
    <div class="changes">
      <ErrorNote error={changes.error} />
      {data && (
        <>
          <h3>{t("listv.compare.heading", { from: data.since.version ?? from, to: data.version.version ?? to })}</h3>
          <dl class="change-counts">
            {(["added", "removed", "changed", "kept"] as const).map((k) => (
              <div class={`count ${k}`}>
                <dt>{t(`listv.compare.${k}`)}</dt>
                <dd>{formatNumber(data.counts[k])}</dd>
              </div>
            ))}
          </dl>
          <nav class="change-kinds" aria-label={t("listv.compare.show")}>
            <a href={withChanges(name, params, { kind: undefined, at: undefined })} aria-current={kind ? undefined : "page"}>
              {t("listv.compare.all")}
            </a>
            {changeKinds.map((k) => (
              <a href={withChanges(name, params, { kind: k, at: undefined })} aria-current={kind === k ? "page" : undefined}>
                {t(`listv.compare.${k}`)}
              </a>
            ))}
          </nav>
          {data.total === 0 ? (
            <p>{t("listv.compare.none")}</p>
          ) : (
            <table class="changes">
              <thead>
                <tr>
                  <th scope="col">{t("listv.compare.col.change")}</th>
                  <th scope="col">{t("listv.compare.col.record")}</th>
                  <th scope="col">{t("listv.compare.col.name")}</th>
                  <th scope="col">{t("listv.compare.col.what")}</th>
                </tr>
              </thead>
              <tbody>
                {data.changes.map((c) => (
                  <ChangeRow change={c} />
                ))}
              </tbody>
            </table>
          )}
          <Pager
            offset={at}
            size={changesPage}
            total={data.total}
            to={(o) => withChanges(name, params, { at: String(o) })}
          />
        </>
      )}
    </div>
  );
}

function shownValue(field: string, value: string): string {
  if (!value) return t("listv.compare.empty");
  return field === "birth_date" ? formatDate(value) : value;
}

function ChangeRow({ change }: { change: Change }) {
  const record = change.after ?? change.before ?? undefined;
  return (
    <tr class={change.kind}>
      <td>
        <span class={`change ${change.kind}`}>{t(`listv.compare.kind.${change.kind}`)}</span>
      </td>
      <td>
        <a href={href(["records", String(change.record_id)])}>{change.key}</a>
      </td>
      <td>
        <PersonName record={record} fallback={change.key} />
      </td>
      <td>
        {change.fields.length > 0 && (
          <ul class="fields">
            {change.fields.map((f) => (
              <li>
                <span class="field">{termFor("field", f.field)}</span>:{" "}
                <del>
                  <span class="visually-hidden">{t("listv.compare.was")} </span>
                  {shownValue(f.field, f.before)}
                </del>{" "}
                →{" "}
                <ins>
                  <span class="visually-hidden">{t("listv.compare.now")} </span>
                  {shownValue(f.field, f.after)}
                </ins>
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

interface Asking {
  side: string;
  active: boolean;
  version: number;
}

export function ListShares({ name, side }: { name: string; side: string | undefined }) {
  const session = useSession();
  const shares = useLoad(() => get<{ shares: Share[] }>(`${listPath(name)}/shares`), [name]);
  const lists = useLoad(() => get<{ lists: ListVersion[] }>("/lists"), []);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [cancelled, setCancelled] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<unknown>();
  const [newSide, setNewSide] = useState("");
  const user = session.user;
  // The server decides (a list's own side or the mediator, as administrator); this only
  // keeps the buttons away from those it would refuse.
  const mayShare = can(session, "putShare") && side !== undefined && (user.side === side || user.side === "mediator");
  const rows = shares.data?.shares ?? [];
  const candidates = [
    ...new Set([...(lists.data?.lists ?? []).map((l) => l.side ?? ""), ...rows.map((r) => r.side ?? "")]),
  ].filter((s) => s && s !== side && s !== "mediator");

  const send = async (a: Asking) => {
    setWorking(true);
    setRefusal(undefined);
    setDone(null);
    try {
      await put(`${listPath(name)}/shares/${encodeURIComponent(a.side)}`, { version: a.version, active: a.active });
      setDone(a.active ? t("listv.share.done", { side: a.side }) : t("listv.share.stopped", { side: a.side }));
      setAsking(null);
      setNewSide("");
      shares.reload();
    } catch (e) {
      setRefusal(e);
    } finally {
      setWorking(false);
    }
  };

  const confirm = (a: Asking) => (
    <ConfirmStep
      label={a.active ? t("listv.share.share", { side: a.side }) : t("listv.share.stop", { side: a.side })}
      question={
        a.active
          ? t("listv.share.confirmShare", { list: name, side: a.side })
          : t("listv.share.confirmStop", { list: name, side: a.side })
      }
      confirm={a.active ? t("listv.share.yesShare") : t("listv.share.yesStop")}
      working={t("listv.share.working")}
      cancel={t("listv.share.cancel")}
      tone={a.active ? "accept" : "reject"}
      busy={working}
      onConfirm={() => void send(a)}
      onCancel={() => {
        setCancelled(a.side);
        setAsking(null);
      }}
    />
  );

  return (
    <section aria-labelledby="shares-title">
      <h2 id="shares-title">{t("listv.share.title")}</h2>
      <p class="detail">{t("listv.share.intro")}</p>
      <ErrorNote error={shares.error} />
      {shares.data && rows.length === 0 && <p>{t("listv.share.none")}</p>}
      {rows.length > 0 && (
        <table class="shares">
          <thead>
            <tr>
              <th scope="col">{t("listv.share.col.side")}</th>
              <th scope="col">{t("listv.share.col.state")}</th>
              <th scope="col">{t("listv.share.col.by")}</th>
              {mayShare && <td></td>}
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => {
              const other = s.side ?? "";
              const next: Asking = { side: other, active: !s.active, version: s.version ?? 0 };
              return (
                <tr class={s.active ? "active" : "revoked"}>
                  <th scope="row">{other}</th>
                  <td>{s.active ? t("listv.share.state.active") : t("listv.share.state.revoked")}</td>
                  <td>{t("listv.share.changedBy", { by: s.updated_by ?? "", at: formatDate(s.updated_at) })}</td>
                  {mayShare && (
                    <td>
                      {asking?.side === other
                        ? confirm(asking)
                        : (
                            <FocusedButton
                              class={s.active ? "stop-sharing" : "share"}
                              focus={cancelled === other}
                              disabled={working}
                              onClick={() => setAsking(next)}
                            >
                              {s.active ? t("listv.share.stop", { side: other }) : t("listv.share.share", { side: other })}
                            </FocusedButton>
                          )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {mayShare && shares.data && (
        <form
          class="new-share"
          onSubmit={(e) => {
            e.preventDefault();
            const chosen = newSide.trim();
            if (!chosen) return;
            const known = rows.find((r) => r.side === chosen);
            setAsking({ side: chosen, active: true, version: known?.version ?? 0 });
          }}
        >
          <fieldset>
            <legend>{t("listv.share.newSide")}</legend>
            <label>
              {t("listv.share.sideName")}
              <input
                name="side"
                required
                list="share-sides"
                value={newSide}
                onInput={(e) => setNewSide((e.target as HTMLInputElement).value)}
              />
            </label>
            <datalist id="share-sides">
              {candidates.map((c) => (
                <option value={c} />
              ))}
            </datalist>{" "}
            <button type="submit" disabled={working}>
              {t("listv.share.newSubmit")}
            </button>
          </fieldset>
          {asking && !rows.some((r) => r.side === asking.side) && confirm(asking)}
        </form>
      )}
      {done && (
        <p class="shared-now" role="status">
          {done}
        </p>
      )}
      <Refusal error={refusal} />
    </section>
  );
}

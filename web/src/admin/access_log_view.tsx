// The access log (#/admin/access-log?user=&record=&offset=): who read or exported which person
// record, and when, newest first, a page at a time (GET /access-log), filtered by user and by
// record number. A row shows ids only (user, action, record number, its list and key in the
// list, time); the record number opens the person card, which is itself a logged read.
import { useState } from "preact/hooks";
import { get, query } from "../api/client";
import { Refusal } from "../components/refusal";
import { formatDate, formatNumber, t, termFor } from "../i18n/i18n";
import { href, navigate } from "../router";
import { useSession } from "../session";
import { useLoad } from "../use_load";
import type { AccessLogPage, User } from "./admin_data";

const pageSize = 50;

export function AccessLogView({ params }: { params: URLSearchParams }) {
  const session = useSession();
  const user = params.get("user") ?? "";
  const record = params.get("record") ?? "";
  const offset = Math.max(0, Number(params.get("offset") ?? 0) || 0);
  const page = useLoad(
    () => get<AccessLogPage>(`/access-log${query({ user, record, limit: pageSize, offset })}`),
    [user, record, offset],
  );
  const users = useLoad(() => get<{ users: User[] }>("/users"), []);
  const [userField, setUserField] = useState(user);
  const [recordField, setRecordField] = useState(record);
  const at = (o: number) => href(["admin", "access-log"], { user, record, offset: o > 0 ? String(o) : undefined });
  const entries = page.data?.entries ?? [];

  return (
    <>
      <p>{t("admin.log.intro")}</p>
      {session.user.side !== "mediator" && <p class="detail">{t("admin.log.partyScope")}</p>}
      <form
        class="admin-form filters"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(["admin", "access-log"], { user: userField.trim(), record: recordField.trim() });
        }}
      >
        <label>
          {t("admin.log.user")}
          <input
            name="user"
            list="log-users"
            autocomplete="off"
            spellcheck={false}
            value={userField}
            onInput={(e) => setUserField((e.target as HTMLInputElement).value)}
          />
          <datalist id="log-users">
            {(users.data?.users ?? []).map((u) => (
              <option value={u.name} />
            ))}
          </datalist>
        </label>
        <label>
          {t("admin.log.record")}
          <input
            name="record"
            inputMode="numeric"
            pattern="[0-9]+"
            value={recordField}
            onInput={(e) => setRecordField((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit">{t("admin.log.filter")}</button>
        {(user || record) && <a href={href(["admin", "access-log"])}>{t("admin.log.clear")}</a>}
      </form>
      <Refusal error={page.error} />
      {page.data && entries.length === 0 && <p>{t("admin.log.empty")}</p>}
      {entries.length > 0 && (
        <table class="admin-access-log">
          <thead>
            <tr>
              <th scope="col">{t("admin.log.col.when")}</th>
              <th scope="col">{t("admin.log.col.user")}</th>
              <th scope="col">{t("admin.log.col.action")}</th>
              <th scope="col" class="number">
                {t("admin.log.col.record")}
              </th>
              <th scope="col">{t("admin.log.col.where")}</th>
              <th scope="col" class="number">
                {t("admin.log.col.reads")}
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr data-user={e.user} data-record={e.record_id}>
                <td>
                  <time dateTime={e.at}>{formatDate(e.at)}</time>
                </td>
                <td>{e.user}</td>
                <td>{termFor("person.action", e.action)}</td>
                <td class="number">
                  <a href={href(["records", String(e.record_id ?? "")])}>{e.record_id}</a>
                </td>
                <td>{e.list ? t("admin.log.where", { list: e.list, key: e.record_key ?? "" }) : ""}</td>
                <td class="number">{formatNumber(e.reads ?? 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(offset > 0 || page.data?.more) && (
        <nav class="pager" aria-label={t("admin.log.pages")}>
          {offset > 0 && <a href={at(Math.max(0, offset - pageSize))}>{t("common.previous")}</a>}
          {entries.length > 0 && (
            <span>
              {t("admin.log.rows", { from: formatNumber(offset + 1), to: formatNumber(offset + entries.length) })}
            </span>
          )}
          {page.data?.more && <a href={at(offset + pageSize)}>{t("common.next")}</a>}
        </nav>
      )}
    </>
  );
}

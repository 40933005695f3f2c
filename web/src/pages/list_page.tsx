// One list: its versions, and the records of the chosen version, a page at a time.
import { get, query, type ListVersion, type PersonRecord } from "../api/client";
import { ErrorNote } from "../components/error_note";
import { Pager } from "../components/pager";
import { NameField } from "../components/person_name";
import { formatDate, formatNumber, t } from "../i18n/i18n";
import { href, useRoute } from "../router";
import { useLoad } from "../use_load";
import { ListShares, ListTools, VersionChanges } from "./list_versions";
import { kindName } from "./lists_page";

const pageSize = 100;
const shownFields = [
  "surname",
  "given_name",
  "patronymic",
  "birth_date",
  "birth_place",
  "service_number",
  "rank",
  "category",
] as const;

function isName(f: string): f is "surname" | "given_name" | "patronymic" {
  return f === "surname" || f === "given_name" || f === "patronymic";
}

interface RecordsPage {
  version?: number;
  total?: number;
  offset?: number;
  records?: PersonRecord[];
}

// Where a received list came from (parley bundle import): whose data it is, and that it is
// read-only here.
function ReceivedNote({ versions, shown }: { versions: ListVersion[]; shown?: number }) {
  const v = versions.find((x) => x.version === shown) ?? versions[versions.length - 1];
  const from = v?.received;
  if (!from) return null;
  return (
    <section class="received-note" aria-label={t("lists.receivedFrom", { node: from.sender_node ?? "" })}>
      <p>
        {t("list.receivedFrom", {
          node: from.sender_node ?? "",
          list: from.sender_list ?? "",
          version: String(from.sender_version ?? ""),
          bundle: (from.bundle_sha256 ?? "").slice(0, 16),
          size: String(from.checkpoint_size ?? ""),
        })}
      </p>
      {(from.withheld ?? []).length > 0 && <p>{t("list.withheld", { fields: (from.withheld ?? []).join(", ") })}</p>}
    </section>
  );
}

export function ListPage({ name }: { name: string }) {
  const route = useRoute();
  const versionParam = route.params.get("version") ?? "latest";
  const offset = Number(route.params.get("offset") ?? 0);
  const path = `/lists/${encodeURIComponent(name)}`;
  const versions = useLoad(() => get<{ versions: ListVersion[] }>(`${path}/versions`), [name]);
  const records = useLoad(
    () =>
      get<RecordsPage>(
        `${path}/versions/${encodeURIComponent(versionParam)}/records${query({ limit: pageSize, offset })}`,
      ),
    [name, versionParam, offset],
  );
  const shownVersion = records.data?.version;
  return (
    <>
      <h1>{name}</h1>
      <ListTools name={name} version={shownVersion} />
      <ErrorNote error={versions.error ?? records.error} />
      {versions.data && <ReceivedNote versions={versions.data.versions} shown={shownVersion} />}
      {versions.data && (
        <section aria-labelledby="versions-title">
          <h2 id="versions-title">{t("list.versions")}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("lists.version")}</th>
                <th scope="col">{t("lists.kind")}</th>
                <th scope="col" class="number">
                  {t("lists.records")}
                </th>
                <th scope="col">{t("lists.imported")}</th>
                <th scope="col">{t("lists.state")}</th>
              </tr>
            </thead>
            <tbody>
              {versions.data.versions.map((v) => (
                <tr aria-current={v.version === shownVersion ? "true" : undefined}>
                  <td>
                    <a href={href(["lists", name], { version: String(v.version) })}>{v.version}</a>
                  </td>
                  <td>{kindName(v.kind)}</td>
                  <td class="number">{formatNumber(v.record_count ?? 0)}</td>
                  <td>
                    {formatDate(v.created_at)}{" "}
                    {v.received
                      ? t("lists.receivedFrom", { node: v.received.sender_node ?? "" })
                      : t("lists.importedBy", { name: v.imported_by ?? "" })}
                  </td>
                  <td>{v.state}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {versions.data && <VersionChanges name={name} versions={versions.data.versions} params={route.params} />}
      {versions.data && <ListShares name={name} side={versions.data.versions[0]?.side} />}
      {records.data && (
        <section aria-labelledby="records-title">
          <h2 id="records-title">{t("list.records", { version: shownVersion ?? "" })}</h2>
          <table class="records">
            <thead>
              <tr>
                <th scope="col">{t("field.id")}</th>
                {shownFields.map((f) => (
                  <th scope="col">{t(`field.${f}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(records.data.records ?? []).map((r) => (
                <tr>
                  <td>
                    {r.record_id === undefined ? r.id : <a href={href(["records", String(r.record_id)])}>{r.id}</a>}
                  </td>
                  {shownFields.map((f) => (
                    <td>
                      {f === "birth_date" ? (
                        formatDate(r[f])
                      ) : isName(f) ? (
                        <NameField record={r} field={f} />
                      ) : (
                        r[f]
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            offset={offset}
            size={pageSize}
            total={records.data.total ?? 0}
            to={(o) => href(["lists", name], { version: versionParam, offset: String(o) })}
          />
        </section>
      )}
    </>
  );
}

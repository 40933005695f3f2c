import { ErrorNote } from "../components/error_note";
import { UploadForm } from "../components/upload_form";
import { get, type ListVersion } from "../api/client";
import { formatDate, formatNumber, t, termFor } from "../i18n/i18n";
import { href } from "../router";
import { can, useSession } from "../session";
import { useLoad } from "../use_load";

export function kindName(kind: string | undefined): string {
  return termFor("kind", kind);
}

export function ListsPage() {
  const session = useSession();
  const lists = useLoad(() => get<{ lists: ListVersion[] }>("/lists"), []);
  return (
    <>
      <h1>{t("lists.title")}</h1>
      <ErrorNote error={lists.error} />
      {lists.data && lists.data.lists.length === 0 && <p>{t("lists.empty")}</p>}
      {lists.data && lists.data.lists.length > 0 && (
        <table class="lists">
          <thead>
            <tr>
              <th scope="col">{t("lists.list")}</th>
              <th scope="col">{t("lists.kind")}</th>
              <th scope="col">{t("lists.side")}</th>
              <th scope="col">{t("lists.version")}</th>
              <th scope="col" class="number">
                {t("lists.records")}
              </th>
              <th scope="col">{t("lists.imported")}</th>
            </tr>
          </thead>
          <tbody>
            {lists.data.lists.map((l) => (
              <tr key={l.list}>
                <td>
                  <a href={href(["lists", l.list ?? ""])}>{l.list}</a>
                </td>
                <td>{kindName(l.kind)}</td>
                <td>{l.side}</td>
                <td class="number">{l.version}</td>
                <td class="number">{formatNumber(l.record_count ?? 0)}</td>
                <td>
                  {formatDate(l.created_at)}{" "}
                  {l.received
                    ? t("lists.receivedFrom", { node: l.received.sender_node ?? "" })
                    : t("lists.importedBy", { name: l.imported_by ?? "" })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {can(session, "uploadListVersion") && (
        <UploadForm
          side={session.user.side ?? ""}
          lists={(lists.data?.lists ?? []).filter((l) => l.side === session.user.side)}
          onImported={lists.reload}
        />
      )}
    </>
  );
}

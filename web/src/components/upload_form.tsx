// Uploading a list file: the import report shown where the clerk is looking. An import is
// all-or-nothing, so a refused file lists every bad row (row, column, reason) and nothing was
// stored; the clerk fixes the file and uploads it again.
import { useState } from "preact/hooks";
import { ApiError, post, type ImportReport, type ListVersion } from "../api/client";
import { formatNumber, t } from "../i18n/i18n";
import { kindName } from "../pages/lists_page";
import { ErrorNote } from "./error_note";

const kinds = ["request", "custody", "offer", "mediator", "remains"] as const;

interface Reject {
  row?: number;
  column?: number;
  field?: string;
  message?: string;
}

type Outcome =
  | { kind: "done"; report: ImportReport }
  | { kind: "refused"; rejects: Reject[] }
  | { kind: "failed"; error: unknown };

interface Props {
  side: string;
  lists: ListVersion[];
  onImported: () => void;
}

export function UploadForm({ side, lists, onImported }: Props) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const fields = new FormData(form);
    const list = String(fields.get("list") ?? "").trim();
    const body = new FormData();
    body.set("file", fields.get("file") as File);
    body.set("kind", String(fields.get("kind")));
    body.set("side", side);
    body.set("skip_invalid", fields.get("skip_invalid") ? "true" : "false");
    setBusy(true);
    setOutcome(null);
    try {
      const report = await post<ImportReport>(`/lists/${encodeURIComponent(list)}/versions`, body);
      setOutcome({ kind: "done", report });
      onImported();
    } catch (e) {
      const rejects = (e instanceof ApiError &&
        (e.details as { error?: { rejects?: Reject[] } })?.error?.rejects) as Reject[] | undefined;
      setOutcome(
        rejects && rejects.length > 0
          ? { kind: "refused", rejects }
          : { kind: "failed", error: e },
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="upload" aria-labelledby="upload-title">
      <h2 id="upload-title">{t("upload.title")}</h2>
      <form onSubmit={submit}>
        <label>
          {t("upload.file")}
          <input type="file" name="file" accept=".csv,.xlsx,.txt" required />
        </label>
        <label>
          {t("upload.list")}
          <input name="list" list="own-lists" required />
          <datalist id="own-lists">
            {lists.map((l) => (
              <option value={l.list} />
            ))}
          </datalist>
        </label>
        <label>
          {t("upload.kind")}
          <select name="kind">
            {kinds.map((k) => (
              <option value={k}>{kindName(k)}</option>
            ))}
          </select>
        </label>
        <p>
          {t("upload.side")}: <strong>{side}</strong>
        </p>
        <label class="inline">
          <input type="checkbox" name="skip_invalid" />
          {t("upload.skipInvalid")}
        </label>
        <button type="submit" disabled={busy}>
          {busy ? t("upload.working") : t("upload.submit")}
        </button>
      </form>
      {outcome && <Report outcome={outcome} />}
    </section>
  );
}

function Report({ outcome }: { outcome: Outcome }) {
  if (outcome.kind === "failed") return <ErrorNote error={outcome.error} />;
  if (outcome.kind === "refused") {
    return (
      <div class="report refused" role="alert">
        <p>{t("upload.rejectedTitle")}</p>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("upload.row")}</th>
              <th scope="col">{t("upload.column")}</th>
              <th scope="col">{t("upload.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {outcome.rejects.map((r) => (
              <tr>
                <td class="number">{r.row}</td>
                <td>{r.field ?? r.column}</td>
                <td>{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  const r = outcome.report;
  return (
    <div class="report done" role="status">
      <p>
        {r.unchanged
          ? t("upload.unchanged", { version: r.version ?? 0 })
          : t("upload.done", {
              records: formatNumber(r.records ?? 0),
              version: r.version ?? 0,
              list: r.list ?? "",
            })}
      </p>
      {!r.unchanged && (
        <p>
          {t("upload.changes", {
            added: r.added ?? 0,
            changed: r.changed ?? 0,
            kept: r.kept ?? 0,
            removed: r.removed ?? 0,
          })}
        </p>
      )}
      {(r.rejected ?? 0) > 0 && <p>{t("upload.skipped", { rejected: r.rejected ?? 0 })}</p>}
      <p class="detail">
        {t("upload.encoding", { encoding: r.encoding ?? "", order: r.name_order ?? "" })}
      </p>
    </div>
  );
}

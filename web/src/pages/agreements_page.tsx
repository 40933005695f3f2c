// Agreements: the list (#/agreements, GET /agreements: every version of every agreement, shown
// as one row per agreement at its latest version) and one agreement (#/agreements/{name},
// GET /agreements/{name}?version=): its plain-words summary beside the text that is signed, its
// parties and each party's signature, and for a signer the button to sign for the party the
// signer's side acts as (POST /agreements/{name}/signatures {party, agreement_version}). The
// server decides who may sign for whom; a refusal is shown in the server's words.
import { ConfirmStep } from "../components/confirm_step";
import { useState } from "preact/hooks";
import { get, post, query, type Schemas } from "../api/client";
import { ErrorNote } from "../components/error_note";
import { FocusedButton } from "../components/focused_button";
import { Refusal } from "../components/refusal";
import { formatDate, language, t, termFor } from "../i18n/i18n";
import { href } from "../router";
import { can, useSession, type SignedIn } from "../session";
import { useLoad } from "../use_load";

type Agreement = Schemas["Agreement"];
type Party = "a" | "b";

export function latestOfEach(all: Agreement[]): { latest: Agreement; versions: number }[] {
  const byName = new Map<string, Agreement[]>();
  for (const a of all) byName.set(a.name ?? "", [...(byName.get(a.name ?? "") ?? []), a]);
  return [...byName.values()].map((versions) => ({
    latest: versions.reduce((x, y) => ((y.version ?? 0) > (x.version ?? 0) ? y : x)),
    versions: versions.length,
  }));
}

function added(a: Agreement): string {
  return t("agreements.addedBy", { at: formatDate(a.created_at), name: a.added_by ?? "" });
}

export function AgreementsPage() {
  const all = useLoad(() => get<{ agreements: Agreement[] }>("/agreements"), []);
  const rows = latestOfEach(all.data?.agreements ?? []);
  return (
    <>
      <h1>{t("agreements.title")}</h1>
      <ErrorNote error={all.error} />
      {all.data && rows.length === 0 && <p>{t("agreements.empty")}</p>}
      {rows.length > 0 && (
        <table class="agreements">
          <thead>
            <tr>
              <th scope="col">{t("agreements.col.name")}</th>
              <th scope="col">{t("agreements.col.title")}</th>
              <th scope="col">{t("agreements.col.parties")}</th>
              <th scope="col" class="number">
                {t("agreements.col.version")}
              </th>
              <th scope="col">{t("agreements.col.state")}</th>
              <th scope="col">{t("agreements.col.added")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ latest }) => (
              <tr key={latest.name}>
                <td>
                  <a href={href(["agreements", latest.name ?? ""])}>{latest.name}</a>
                </td>
                <td>{latest.title}</td>
                <td>{t("agreements.parties", { a: latest.party_a ?? "", b: latest.party_b ?? "" })}</td>
                <td class="number">{latest.version}</td>
                <td>
                  <span class={`agreement-state ${latest.state ?? ""}`}>
                    {termFor("agreements.state", latest.state)}
                  </span>
                </td>
                <td>{added(latest)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

// The workspace side each party acts as: `a_side` / `b_side` of the text's [parties] table,
// else the party's name (the server's own rule, negotiation::ActingSide). Used only to offer
// the right button; the server checks every signature itself.
export function actingSides(a: Agreement): Record<Party, string> {
  const found: Partial<Record<Party, string>> = {};
  let table = "";
  for (const line of (a.text ?? "").split("\n")) {
    const header = /^\s*\[+\s*([^\]]+?)\s*\]+\s*(#.*)?$/.exec(line);
    if (header) {
      table = header[1]!;
      continue;
    }
    const side = /^\s*([ab])_side\s*=\s*"([^"]*)"/.exec(line);
    if (table === "parties" && side) found[side[1] as Party] = side[2]!;
  }
  return { a: found.a ?? a.party_a ?? "", b: found.b ?? a.party_b ?? "" };
}

// The parties this user may be offered to sign for: a party's signer signs for the party its
// side acts as; the mediator's signer for either.
function mayOfferSign(session: SignedIn, sides: Record<Party, string>, party: Party): boolean {
  if (!can(session, "signAgreement")) return false;
  const side = session.user.side ?? "";
  return side === "mediator" || side.toLowerCase() === sides[party].toLowerCase();
}

export function AgreementPage({ name, params }: { name: string; params: URLSearchParams }) {
  const session = useSession();
  const version = params.get("version") ?? undefined;
  const path = `/agreements/${encodeURIComponent(name)}`;
  const shown = useLoad(() => get<Agreement>(`${path}${query({ version })}`), [name, version]);
  const all = useLoad(() => get<{ agreements: Agreement[] }>("/agreements"), [name]);
  const [asking, setAsking] = useState<Party | null>(null);
  const [cancelled, setCancelled] = useState<Party | null>(null);
  const [working, setWorking] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [done, setDone] = useState("");

  const a = shown.data;
  if (shown.error) {
    return (
      <>
        <h1>{name}</h1>
        <ErrorNote error={shown.error} />
      </>
    );
  }
  if (!a) return <p class="loading">{t("common.loading")}</p>;

  const versions = (all.data?.agreements ?? [])
    .filter((x) => x.name === name)
    .sort((x, y) => (x.version ?? 0) - (y.version ?? 0));
  const sides = actingSides(a);
  const partyName = (p: Party) => (p === "a" ? a.party_a : a.party_b) ?? p;
  const signatureOf = (p: Party) => (a.signatures ?? []).find((s) => s.party === p);

  const sign = async (party: Party) => {
    setWorking(true);
    setRefusal(null);
    setDone("");
    try {
      await post<Agreement>(`${path}/signatures`, { party, agreement_version: a.version });
      setDone(t("agreements.signedNow", { party: partyName(party) }));
      shown.reload();
      all.reload();
    } catch (e) {
      setRefusal(e);
    } finally {
      setWorking(false);
      setAsking(null);
    }
  };

  return (
    <article class="agreement" aria-labelledby="agreement-title">
      <h1 id="agreement-title">{a.title || a.name}</h1>
      <p class="detail">
        {a.name}
        {" · "}
        {t("agreements.shown", {
          version: a.version ?? "",
          state: termFor("agreements.state", a.state),
          added: added(a),
        })}
        {" · "}
        <a href={href(["record"], { agreement: a.name ?? name })}>{t("listv.history")}</a>
      </p>
      {versions.length > 1 && (
        <nav class="versions" aria-label={t("agreements.versions")}>
          {t("agreements.versions")}:{" "}
          {versions.map((v) => (
            <a
              href={href(["agreements", name], { version: String(v.version) })}
              aria-current={v.version === a.version ? "page" : undefined}
            >
              {t("agreements.versionLink", { version: v.version ?? "" })}
            </a>
          ))}
        </nav>
      )}

      <section aria-labelledby="signatures-title">
        <h2 id="signatures-title">{t("agreements.signatures")}</h2>
        <ul class="parties">
          {(["a", "b"] as const).map((p) => {
            const signature = signatureOf(p);
            return (
              <li class={signature ? "signed" : "unsigned"} data-party={p}>
                <span class="party-name">{partyName(p)}</span>{" "}
                <span class="detail">
                  ({t("agreements.party", { letter: p })}, {t("agreements.actsAs", { side: sides[p] })})
                </span>
                {": "}
                <span class="signature-state">
                  {signature
                    ? t("agreements.signedBy", { signer: signature.signer ?? "", at: formatDate(signature.signed_at) })
                    : t("agreements.notSigned")}
                </span>
                {!signature && mayOfferSign(session, sides, p) && asking !== p && (
                  <FocusedButton class="sign" focus={cancelled === p} disabled={working} onClick={() => setAsking(p)}>
                    {t("agreements.sign", { party: partyName(p) })}
                  </FocusedButton>
                )}
                {!signature && asking === p && (
                  <ConfirmStep
                    label={t("agreements.sign", { party: partyName(p) })}
                    question={t("agreements.confirm", { version: a.version ?? "", title: a.title ?? a.name ?? "", party: partyName(p) })}
                    confirm={t("agreements.confirmYes")}
                    working={t("agreements.signing")}
                    cancel={t("agreements.cancel")}
                    tone="accept"
                    busy={working}
                    onConfirm={() => void sign(p)}
                    onCancel={() => {
                      setCancelled(p);
                      setAsking(null);
                    }}
                  />
                )}
              </li>
            );
          })}
        </ul>
        {done && (
          <p class="signed-now" role="status">
            {done}
          </p>
        )}
        <Refusal error={refusal} />
      </section>

      <div class="agreement-body">
        <section aria-labelledby="summary-title">
          <h2 id="summary-title">{t("agreements.summary")}</h2>
          {language() !== "en" && <p class="detail">{t("agreements.summaryLanguage")}</p>}
          <div class="summary" lang="en">
            {a.summary}
          </div>
        </section>
        <section aria-labelledby="text-title">
          <h2 id="text-title">{t("agreements.text")}</h2>
          <pre class="agreement-text" tabIndex={0} aria-labelledby="text-title">
            {a.text}
          </pre>
        </section>
      </div>
    </article>
  );
}

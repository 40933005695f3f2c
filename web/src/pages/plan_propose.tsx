// Proposing a plan from scratch, on the plans list (#/plans) for a negotiator (POST /plans):
//   the agreement, each at its latest version with its state (the server plans under a draft
//   too; such a plan can be accepted but not signed until the agreement is in force);
//   the two workspace sides acting as its parties a and b, filled in from the agreement's
//   [parties] (a_side / b_side, else the party's name: agreements_page.tsx actingSides);
//   whether every person held is a candidate, not only those the other side asked for by name
//   or the mediator listed; the solver's gap and time limit (empty: the server's defaults).
// Sending asks once more, then the server plans (it may take seconds) and stores the proposal
// with its signed event; the page opens the new plan, or the live plan it already had with the
// same content (200, `unchanged`). The server decides every call (a negotiator of one of the
// two sides, or the mediator's); a refusal is shown in its words and the form stays as it was.
import { useEffect, useState } from "preact/hooks";
import { get, post, query, type Schemas } from "../api/client";
import { ConfirmStep } from "../components/confirm_step";
import { ErrorNote } from "../components/error_note";
import { FocusedButton } from "../components/focused_button";
import { Refusal } from "../components/refusal";
import { t, termFor } from "../i18n/i18n";
import type { Plan } from "../plans/plan_changes";
import { navigate } from "../router";
import { useLoad } from "../use_load";
import { actingSides, latestOfEach } from "./agreements_page";

type Agreement = Schemas["Agreement"];

// In force first (a plan under it can be signed), then signed by one party, then drafts.
const stateRank: Record<string, number> = { in_force: 0, signed: 1, draft: 2 };

function offeredAgreements(all: Agreement[]): Agreement[] {
  return latestOfEach(all)
    .map((x) => x.latest)
    .sort(
      (x, y) =>
        (stateRank[x.state ?? ""] ?? 3) - (stateRank[y.state ?? ""] ?? 3) ||
        (x.name ?? "").localeCompare(y.name ?? ""),
    );
}

export function ProposePlan() {
  const all = useLoad(() => get<{ agreements: Agreement[] }>("/agreements"), []);
  const offered = offeredAgreements(all.data?.agreements ?? []);
  const [chosen, setChosen] = useState("");
  const agreement = offered.find((a) => a.name === chosen) ?? offered[0];
  const name = agreement?.name ?? "";
  const version = agreement?.version;
  // The list carries no text; the chosen version's text names the sides acting as its parties.
  const detail = useLoad(
    () =>
      name && version !== undefined
        ? get<Agreement>(`/agreements/${encodeURIComponent(name)}${query({ version })}`)
        : Promise.resolve(undefined),
    [name, version],
  );
  const read = detail.data?.name === name && detail.data?.version === version ? detail.data : undefined;
  const named = read ? actingSides(read) : undefined;

  const [sideA, setSideA] = useState("");
  const [sideB, setSideB] = useState("");
  const [allHeld, setAllHeld] = useState(false);
  const [gap, setGap] = useState("");
  const [timeLimit, setTimeLimit] = useState("");
  const [asking, setAsking] = useState(false);
  const [refocus, setRefocus] = useState(false);
  const [working, setWorking] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);

  // A newly chosen agreement fills in the sides it names for its parties.
  useEffect(() => {
    if (!named) return;
    setSideA(named.a);
    setSideB(named.b);
  }, [read]);

  if (all.error) {
    return (
      <section class="propose" aria-labelledby="propose-title">
        <h2 id="propose-title">{t("plans.propose.title")}</h2>
        <ErrorNote error={all.error} />
      </section>
    );
  }
  if (!all.data) return null;

  const a = sideA.trim();
  const b = sideB.trim();
  const title = agreement?.title || name;
  const propose = async () => {
    setWorking(true);
    setRefusal(null);
    try {
      const made = await post<Plan>("/plans", {
        agreement: name,
        agreement_version: version,
        side_a: a,
        side_b: b,
        all_held: allHeld,
        ...(gap.trim() ? { gap: Number(gap) } : {}),
        ...(timeLimit.trim() ? { time_limit: Number(timeLimit) } : {}),
      });
      navigate(["plans", String(made.id)], { sent: made.unchanged ? "same" : "proposal" });
    } catch (e) {
      setRefusal(e);
      setWorking(false);
      setAsking(false);
      setRefocus(true);
    }
  };
  const hints = (...ids: (string | false)[]) => ids.filter(Boolean).join(" ") || undefined;
  const notInForce = agreement && agreement.state !== "in_force";

  return (
    <section class="propose" aria-labelledby="propose-title">
      <h2 id="propose-title">{t("plans.propose.title")}</h2>
      <p>{t("plans.propose.intro")}</p>
      {offered.length === 0 ? (
        <p>{t("plans.propose.noAgreement")}</p>
      ) : (
        <form
          class="propose-form"
          aria-labelledby="propose-title"
          aria-busy={working}
          onSubmit={(e) => {
            e.preventDefault();
            setRefusal(null);
            setAsking(true);
          }}
        >
          <label>
            {t("plans.propose.agreement")}
            <select
              name="agreement"
              required
              disabled={working}
              aria-describedby={hints("propose-agreement-hint", !!notInForce && "propose-state-note")}
              value={name}
              onChange={(e) => setChosen((e.target as HTMLSelectElement).value)}
            >
              {offered.map((x) => (
                <option value={x.name}>
                  {t("plans.propose.agreementOption", {
                    title: x.title || x.name || "",
                    name: x.name ?? "",
                    version: x.version ?? "",
                    state: termFor("agreements.state", x.state),
                  })}
                </option>
              ))}
            </select>
          </label>
          <p id="propose-agreement-hint" class="detail hint">
            {t("plans.propose.latestOnly")}
          </p>
          {notInForce && (
            <p id="propose-state-note" class="notice hint">
              {t("plans.propose.notInForce", { state: termFor("agreements.state", agreement.state) })}
            </p>
          )}
          <ErrorNote error={detail.error} />

          <fieldset class="propose-sides" aria-describedby="propose-sides-hint">
            <legend>{t("plans.propose.sides")}</legend>
            <label>
              {t("plans.propose.sideA", { party: agreement?.party_a ?? "a" })}
              <input
                name="side_a"
                required
                autocomplete="off"
                spellcheck={false}
                disabled={working}
                value={sideA}
                onInput={(e) => setSideA((e.target as HTMLInputElement).value)}
              />
            </label>
            <label>
              {t("plans.propose.sideB", { party: agreement?.party_b ?? "b" })}
              <input
                name="side_b"
                required
                autocomplete="off"
                spellcheck={false}
                disabled={working}
                value={sideB}
                onInput={(e) => setSideB((e.target as HTMLInputElement).value)}
              />
            </label>
          </fieldset>
          <p id="propose-sides-hint" class="detail hint">
            {t("plans.propose.sidesHint")}
          </p>
          {named && (a !== named.a || b !== named.b) && (
            <p class="notice hint">{t("plans.propose.otherSides", { a: named.a, b: named.b })}</p>
          )}

          <label class="inline">
            <input
              type="checkbox"
              name="all_held"
              disabled={working}
              aria-describedby="propose-all-held-hint"
              checked={allHeld}
              onChange={(e) => setAllHeld((e.target as HTMLInputElement).checked)}
            />
            {t("plans.propose.allHeld")}
          </label>
          <p id="propose-all-held-hint" class="detail hint">
            {t("plans.propose.allHeldHint")}
          </p>
          <div class="propose-numbers">
            <div>
              <label>
                {t("plans.propose.gap")}
                <input
                  type="number"
                  name="gap"
                  min="0"
                  max="1"
                  step="any"
                  inputMode="decimal"
                  disabled={working}
                  aria-describedby="propose-gap-hint"
                  value={gap}
                  onInput={(e) => setGap((e.target as HTMLInputElement).value)}
                />
              </label>
              <p id="propose-gap-hint" class="detail hint">
                {t("plans.propose.gapHint")}
              </p>
            </div>
            <div>
              <label>
                {t("plans.propose.timeLimit")}
                <input
                  type="number"
                  name="time_limit"
                  min="0"
                  max="600"
                  step="any"
                  inputMode="decimal"
                  disabled={working}
                  aria-describedby="propose-time-hint"
                  value={timeLimit}
                  onInput={(e) => setTimeLimit((e.target as HTMLInputElement).value)}
                />
              </label>
              <p id="propose-time-hint" class="detail hint">
                {t("plans.propose.timeLimitHint")}
              </p>
            </div>
          </div>

          <div class="actions">
            {asking ? (
              <ConfirmStep
                label={t("plans.propose.send")}
                question={[
                  t("plans.propose.confirm", { title, version: version ?? "", a, b }),
                  allHeld ? t("plans.propose.confirmAllHeld") : "",
                ]
                  .filter(Boolean)
                  .join(" ")}
                confirm={t("plans.propose.confirmYes")}
                working={t("plans.propose.working")}
                cancel={t("agreements.cancel")}
                tone="accept"
                busy={working}
                onConfirm={() => void propose()}
                onCancel={() => {
                  setAsking(false);
                  setRefocus(true);
                }}
              />
            ) : (
              <FocusedButton class="propose-send" type="submit" focus={refocus} disabled={working || !read}>
                {t("plans.propose.send")}
              </FocusedButton>
            )}
          </div>
          <p class="busy" role="status">
            {working ? t("plans.propose.busy") : null}
          </p>
          <Refusal error={refusal} />
        </form>
      )}
    </section>
  );
}

// A signed event of the node's log told as one sentence in the user's language. Bodies carry
// ids, versions, counts and names of lists, plans and agreements, never a person's name or
// record contents (docs/server.md, "Ledger and bundles"). A kind of event this table does not
// know yet is named, never shown as raw JSON. Also: what a bundle's events are about, a row
// of its summary (POST /bundles/verify) at a time, with counts in the language's plural forms.
import type { Schemas } from "../api/client";
import { formatDate, formatNumber, hasTerm, language, t, termFor } from "../i18n/i18n";

export type LedgerEntry = Schemas["LedgerEntry"];

// A value of the body as it is written: ids, versions and phases are names, not amounts.
function text(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value === "number") return String(value);
  return typeof value === "string" ? value : "";
}

// A count, as the user's language writes numbers.
function count(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  return typeof value === "number" ? formatNumber(value) : text(body, key);
}

export function describeEvent(entry: LedgerEntry): string {
  const body = (entry.body ?? {}) as Record<string, unknown>;
  const v = (key: string) => text(body, key);
  const n = (key: string) => count(body, key);
  const actor = entry.actor;
  switch (entry.type) {
    case "list.version_submitted":
      return t("history.list.version_submitted", {
        actor,
        version: v("version"),
        list: v("list"),
        kind: termFor("kind", v("kind")),
        side: v("side"),
        count: n("record_count"),
      });
    case "link.decided":
      return t("history.link.decided", {
        actor,
        link: v("link"),
        left: v("left_list"),
        right: v("right_list"),
        decision: termFor("history.decision", v("decision")),
        state: termFor("state", v("state")),
      });
    case "interview.recorded":
      return t("history.interview.recorded", {
        actor,
        at: formatDate(v("at")),
        outcome: termFor("person.outcome", v("outcome")),
        version: v("version"),
      });
    case "handover.recorded":
      return t("history.handover.recorded", {
        actor,
        place: v("place"),
        phase: v("phase"),
        event: termFor("person.handover", v("event")),
        at: formatDate(v("at")),
      });
    case "plan.proposed":
    case "plan.countered": {
      const params = {
        actor,
        plan: v("plan"),
        parent: v("parent"),
        agreement: v("agreement"),
        agreementVersion: v("agreement_version"),
        a: n("a_hands_over"),
        b: n("b_hands_over"),
        sideA: v("side_a"),
        sideB: v("side_b"),
      };
      return entry.type === "plan.proposed"
        ? t("history.plan.proposed", params)
        : t("history.plan.countered", params);
    }
    case "plan.repaired":
      return t("history.plan.repaired", {
        actor,
        plan: v("plan"),
        parent: v("parent"),
        dropped: n("dropped"),
        reason: v("reason"),
      });
    case "plan.accepted":
      return t("history.plan.accepted", { actor, plan: v("plan"), party: v("party") });
    case "plan.signed":
      return t("history.plan.signed", { actor, plan: v("plan"), party: v("party") });
    case "agreement.added":
      return t("history.agreement.added", { actor, version: v("version"), agreement: v("agreement") });
    case "agreement.signed":
      return t("history.agreement.signed", {
        actor,
        version: v("version"),
        agreement: v("agreement"),
        party: v("party"),
      });
    case "reconcile.run":
      return t("history.reconcile.run", {
        actor,
        left: v("left_list"),
        right: v("right_list"),
        inserted: n("inserted"),
      });
    default:
      return t("history.other", { actor, type: entry.type });
  }
}

// The name of the key that signed an event: a note verifier key is "name+hash+key".
export function signerName(entry: LedgerEntry): string {
  return entry.signer.split("+")[0] ?? entry.signer;
}

// The message `base.FORM` for the plural form `count` takes in the user's language (one, few,
// many, other: the keys messages_ledger.ts gives every counted phrase), else `base.other`.
export function plural(base: string, count: number, params: Record<string, string | number> = {}): string {
  const form = new Intl.PluralRules(language()).select(count);
  return termFor(base, hasTerm(base, form) ? form : "other", { count: formatNumber(count), ...params });
}

// Names joined as the user's language joins a list ("a and b", "a і b", "a и b").
export function joinNames(names: string[]): string {
  return new Intl.ListFormat(language(), { style: "long", type: "conjunction" }).format(names);
}

export interface SummaryRow {
  type: string;
  subject: string;
  count: number;
  parties: string[];
}

// One row of a bundle's summary as a phrase: "3 versions of the list ua-request submitted",
// "plan 1 signed by parties a and b". A pair of lists ("left / right") is joined as a list.
export function describeSummary(row: SummaryRow): string {
  const subject = row.subject.includes(" / ") ? joinNames(row.subject.split(" / ")) : row.subject;
  const params = { subject, parties: joinNames(row.parties), type: row.type };
  switch (row.type) {
    case "list.version_submitted":
    case "reconcile.run":
    case "link.decided":
    case "interview.recorded":
    case "handover.recorded":
    case "agreement.added":
      return plural(`record.summary.${row.type}`, row.count, params);
    case "agreement.signed":
    case "plan.accepted":
    case "plan.signed":
      return plural(`record.summary.${row.type}`, row.parties.length || row.count, params);
    case "plan.proposed":
    case "plan.countered":
    case "plan.repaired":
      return termFor("record.summary", row.type, params);
    default:
      return plural("record.summary.other", row.count, params);
  }
}

// What an edit of a plan sends and what a new plan changed. No rule of the agreement is
// judged here: the server checks every edit (POST /plans/{plan}/check) and says what breaks.
import type { Schemas } from "../api/client";

export type Plan = Schemas["Plan"];
export type Planned = NonNullable<Plan["people"]>[number];
export type Side = "a" | "b";

// A person's name in a plan and in the API's `person` parameter: "a:ua-custody:17".
export function personKey(p: { side?: string; id?: string }): string {
  return `${p.side ?? ""}:${p.id ?? ""}`;
}

// The plan's people with the moves applied (key → new phase; 0: stays), in the form a check
// or a counter-proposal takes. Everyone is sent: a person missing from an edited plan stays.
export function editedPeople(people: Planned[], moves: ReadonlyMap<string, number>) {
  return people.map((p) => ({
    side: p.side ?? "",
    id: p.id ?? "",
    phase: moves.get(personKey(p)) ?? p.phase ?? 0,
    ...(p.dropped ? { dropped: p.dropped } : {}),
  }));
}

export interface Place {
  phase: number;
  dropped?: string;
}

export interface Change {
  key: string;
  side: string;
  id: string;
  record_id?: number;
  before?: Place;  // undefined: not a candidate of the earlier plan
  after?: Place;   // undefined: not a candidate of the later plan
}

// Everyone whose phase or drop-out differs between an earlier plan and a later one (a counter
// or a repair of it), in the later plan's order, then anyone the later plan no longer has.
export function planDifference(before: Planned[], after: Planned[]): Change[] {
  const place = (p: Planned): Place => ({ phase: p.phase ?? 0, ...(p.dropped ? { dropped: p.dropped } : {}) });
  const earlier = new Map(before.map((p) => [personKey(p), p]));
  const changes: Change[] = [];
  for (const p of after) {
    const key = personKey(p);
    const was = earlier.get(key);
    earlier.delete(key);
    if (was && (was.phase ?? 0) === (p.phase ?? 0) && (was.dropped ?? "") === (p.dropped ?? "")) continue;
    changes.push({
      key,
      side: p.side ?? "",
      id: p.id ?? "",
      record_id: p.record_id ?? was?.record_id,
      before: was ? place(was) : undefined,
      after: place(p),
    });
  }
  for (const [key, was] of earlier) {
    changes.push({ key, side: was.side ?? "", id: was.id ?? "", record_id: was.record_id, before: place(was) });
  }
  return changes;
}

// The people of one phase and direction of a plan, as the handover team needs them: the
// record (the name to call out; GET /records/{id}, access-logged), the current status, the
// handover events seen (their number is the `expected_count` of the next tap, their times
// draw the day's chart) and, for the interviewer, the interview version seen.
//
// Contract: `people` lists every planned person at once (record still loading or not visible
// to the caller: `record` undefined, `error` set when refused); the records are fetched six at
// a time, and the page is redrawn at most once a frame while they arrive. `refresh` reads the
// given people again (a status changed elsewhere, or a tap was refused); `apply` takes what
// the server answered to a sent tap, so the counts move without another read.
import { useEffect, useRef, useState } from "preact/hooks";
import { get, type PersonRecord, type Schemas } from "../api/client";
import type { operations } from "../api/schema";
import type { Done, HandoverEvent } from "./outbox";

export type PersonStatus = Schemas["PersonStatus"];
export type PlannedPerson = NonNullable<Schemas["Plan"]["people"]>[number];
type HandoverList = operations["listHandovers"]["responses"][200]["content"]["application/json"];
type InterviewState = operations["getInterview"]["responses"][200]["content"]["application/json"];

export interface PhasePerson {
  key: string;  // the person's key in the plan ("ua-custody:17")
  record_id: number;
  record?: PersonRecord;
  status?: PersonStatus;
  events: HandoverEvent[];
  handovers?: number;  // events seen: undefined until read
  interview?: { version: number; outcome?: string };
  error?: unknown;
}

const parallel = 6;

async function readPerson(p: PhasePerson, withInterview: boolean): Promise<PhasePerson> {
  const [record, handovers, interview] = await Promise.allSettled([
    get<PersonRecord>(`/records/${p.record_id}`),
    get<HandoverList>(`/records/${p.record_id}/handovers`),
    withInterview ? get<InterviewState>(`/records/${p.record_id}/interview`) : Promise.resolve(undefined),
  ]);
  const next: PhasePerson = { ...p, error: undefined };
  if (record.status === "fulfilled") {
    next.record = record.value;
    next.status = record.value.status;
  } else {
    next.error = record.reason;
  }
  if (handovers.status === "fulfilled") {
    next.events = handovers.value.events ?? [];
    next.handovers = handovers.value.count ?? next.events.length;
    next.status = handovers.value.status ?? next.status;
  } else {
    next.error ??= handovers.reason;
  }
  if (interview.status === "fulfilled" && interview.value) {
    next.interview = { version: interview.value.version ?? 0, outcome: interview.value.current?.outcome };
  } else if (interview.status === "rejected") {
    next.error ??= interview.reason;
  }
  return next;
}

export interface PhasePeople {
  people: PhasePerson[];
  loading: number;  // people still being read
  get: (recordId: number) => PhasePerson | undefined;
  refresh: (recordIds: number[]) => void;
  apply: (done: Done) => void;
}

export function usePhasePeople(planned: PlannedPerson[], withInterview: boolean): PhasePeople {
  const store = useRef(new Map<number, PhasePerson>());
  const generation = useRef(0);
  const loadingIds = useRef(new Set<number>());
  const [, setTick] = useState(0);
  const frame = useRef(0);
  const redraw = () => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      setTick((n) => n + 1);
    });
  };

  const read = (ids: number[]) => {
    const mine = generation.current;
    const queue = [...ids];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const p = store.current.get(id);
        if (!p) continue;
        const next = await readPerson(p, withInterview);
        if (generation.current !== mine) return;
        store.current.set(id, next);
        loadingIds.current.delete(id);
        redraw();
      }
    };
    for (const id of ids) loadingIds.current.add(id);
    for (let i = 0; i < Math.min(parallel, ids.length); i++) void worker();
  };

  const identity = planned.map((p) => p.record_id).join(",");
  useEffect(() => {
    generation.current += 1;
    loadingIds.current.clear();
    store.current = new Map(
      planned
        .filter((p): p is PlannedPerson & { record_id: number } => typeof p.record_id === "number")
        .map((p) => [p.record_id, { key: p.id ?? String(p.record_id), record_id: p.record_id, events: [] }]),
    );
    setTick((n) => n + 1);
    read([...store.current.keys()]);
    return () => {
      generation.current += 1;
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [identity, withInterview]);

  const apply = (done: Done) => {
    const p = store.current.get(done.action.record_id);
    if (!p) return;
    if ("refused" in done) {
      read([p.record_id]);
      return;
    }
    if (done.action.kind === "handover") {
      const e = done.sent as HandoverEvent;
      const events = p.events.some((x) => x.seq === e.seq) ? p.events : [...p.events, e];
      store.current.set(p.record_id, {
        ...p,
        events,
        handovers: Math.max(p.handovers ?? 0, e.seq ?? 0),
        status: e.status ?? p.status,
      });
    } else {
      const i = done.sent as Schemas["Interview"];
      store.current.set(p.record_id, {
        ...p,
        interview: { version: i.version ?? (p.interview?.version ?? 0) + 1, outcome: i.outcome },
        status: i.status ?? p.status,
      });
    }
    redraw();
  };

  return {
    people: [...store.current.values()],
    loading: loadingIds.current.size,
    get: (id) => store.current.get(id),
    refresh: read,
    apply,
  };
}

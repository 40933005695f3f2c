// The handover team's outbox: every tap on the handover-day console (a handover event, an
// interview outcome) is queued here first and sent from here, in the order it was made, so
// that a tablet that loses the connection at the crossing point keeps working.
//
// Contract.
// - An action is kept in memory and in localStorage (key `parley.outbox.USER`) until the
//   server has recorded it or refused it. What is kept is ids, kinds, numbers, the crossing
//   point and times, never a person's name: a lost tablet gives away no one.
// - Actions are sent one at a time, oldest first. A send the network did not carry (offline,
//   a 5xx, 429, or a 401 while the user signs in again) stops the queue and is tried again
//   later: at once on the browser's `online` event, else after 1, 2, 4 ... 30 seconds.
// - Exactly once. The server has no idempotency key, but both writes are optimistic: a
//   handover carries `expected_count` (the events the team had seen when it tapped) and an
//   interview `version` (the version it had seen), and the server refuses a write whose
//   number is stale with 409 and records nothing. So a resend after a lost response cannot
//   record the event a second time; it gets 409, and the outbox then reads the person's
//   events: when the one at that position is this action's (same kind, phase, place, time
//   and actor: the tap's time, to the second, is in the action), the action counts as sent.
//   Any other 409 means someone else recorded something for that person first: the action
//   is refused as a conflict and shown, and the team looks at the person again.
// - Every action has a client-made `id` (random, 128 bits): the outbox's own handle for it
//   (storage, the page's list), not something the server sees.
//
//   const box = outboxFor("mediator-checkpoint");
//   box.subscribe((state, done) => ...);
//   box.add({ kind: "handover", record_id: 447, event: "handed_over", phase: 1,
//             place: "Sumy", expected_count: 0 });
import { ApiError, get, post, put, type Schemas } from "../api/client";
import type { operations } from "../api/schema";

export type HandoverEvent = Schemas["HandoverEvent"];
export type Interview = Schemas["Interview"];
export type HandoverBody = operations["appendHandover"]["requestBody"]["content"]["application/json"];
export type InterviewBody = operations["putInterview"]["requestBody"]["content"]["application/json"];
export type HandoverKind = HandoverBody["event"];
export type InterviewOutcome = InterviewBody["outcome"];
type HandoverList = operations["listHandovers"]["responses"][200]["content"]["application/json"];
type InterviewState = operations["getInterview"]["responses"][200]["content"]["application/json"];

interface Queued {
  id: string;
  record_id: number;
  at: string;  // when the team tapped: "YYYY-MM-DDTHH:MM:SSZ", the time the server records
}

export interface HandoverAction extends Queued {
  kind: "handover";
  event: HandoverKind;
  phase: number;
  place: string;
  expected_count: number;
}

export interface InterviewAction extends Queued {
  kind: "interview";
  outcome: InterviewOutcome;
  version: number;
}

export type Action = HandoverAction | InterviewAction;
export type NewAction = Omit<HandoverAction, "id" | "at"> | Omit<InterviewAction, "id" | "at">;

// What became of an action that left the queue.
export type Done =
  | { action: HandoverAction; sent: HandoverEvent }
  | { action: InterviewAction; sent: Interview }
  | { action: Action; refused: ApiError };

export interface OutboxState {
  pending: readonly Action[];
  online: boolean;
  retryAt?: number;  // when the next attempt is due (ms since the epoch), while waiting
}

type Listener = (state: OutboxState, done?: Done) => void;

const maxDelay = 30_000;
const outcomes: readonly InterviewOutcome[] = ["consents", "refuses", "unfit", "deceased", "not_presented"];

export function eventTime(when = new Date()): string {
  return when.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));  // also outside secure contexts
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function isAction(value: unknown): value is Action {
  if (typeof value !== "object" || value === null) return false;
  const a = value as Record<string, unknown>;
  if (typeof a.id !== "string" || typeof a.record_id !== "number" || typeof a.at !== "string") {
    return false;
  }
  if (a.kind === "handover") {
    return (a.event === "handed_over" || a.event === "received") && typeof a.phase === "number" &&
      typeof a.place === "string" && typeof a.expected_count === "number";
  }
  return a.kind === "interview" && outcomes.includes(a.outcome as InterviewOutcome) &&
    typeof a.version === "number";
}

export class Outbox {
  private pending: Action[];
  private listeners = new Set<Listener>();
  private sending = false;
  private delay = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryAt: number | undefined;
  private readonly key: string;

  constructor(private readonly user: string) {
    this.key = `parley.outbox.${user}`;
    this.pending = this.read();
    addEventListener("online", () => this.sendNow());
    addEventListener("offline", () => this.notify());
  }

  state(): OutboxState {
    return { pending: this.pending, online: navigator.onLine, retryAt: this.retryAt };
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // Queues a tap (its time is now) and starts sending; returns the queued action.
  add(action: NewAction): Action {
    const queued = { ...action, id: newId(), at: eventTime() } as Action;
    this.pending = [...this.pending, queued];
    this.write();
    this.notify();
    this.sendNow();
    return queued;
  }

  // Sends what is queued now, whatever the backoff said (the page calls it on opening).
  sendNow(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.retryAt = undefined;
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.pending.length > 0) {
        const action = this.pending[0]!;
        const done = await this.send(action);
        if (!done) {
          this.retryLater();
          return;
        }
        this.delay = 0;
        this.pending = this.pending.filter((a) => a.id !== action.id);
        this.write();
        this.notify(done);
      }
    } finally {
      this.sending = false;
    }
  }

  private retryLater(): void {
    this.delay = Math.min(maxDelay, this.delay ? this.delay * 2 : 1000);
    this.retryAt = Date.now() + this.delay;
    this.timer = setTimeout(() => this.sendNow(), this.delay);
    this.notify();
  }

  // The action's fate, or undefined when it must be tried again later.
  private async send(action: Action): Promise<Done | undefined> {
    try {
      if (action.kind === "handover") {
        const body: HandoverBody = {
          expected_count: action.expected_count,
          event: action.event,
          phase: action.phase,
          place: action.place,
          at: action.at,
        };
        return { action, sent: await post<HandoverEvent>(`/records/${action.record_id}/handovers`, body) };
      }
      const body: InterviewBody = { version: action.version, outcome: action.outcome, at: action.at };
      return { action, sent: await put<Interview>(`/records/${action.record_id}/interview`, body) };
    } catch (e) {
      if (!(e instanceof ApiError) || isTransient(e)) return undefined;
      if (e.status === 409) {
        try {
          return (await this.alreadyRecorded(action)) ?? { action, refused: e };
        } catch (again) {
          if (!(again instanceof ApiError) || isTransient(again)) return undefined;
          return { action, refused: e };
        }
      }
      return { action, refused: e };
    }
  }

  // After a 409: the stored event at the action's position when it is this action's.
  private async alreadyRecorded(action: Action): Promise<Done | undefined> {
    if (action.kind === "handover") {
      const list = await get<HandoverList>(`/records/${action.record_id}/handovers`);
      const e = (list.events ?? []).find((ev) => ev.seq === action.expected_count + 1);
      const ours = e && e.event === action.event && e.phase === action.phase &&
        e.place === action.place && e.at === action.at && e.actor === this.user;
      return ours ? { action, sent: { ...e, status: list.status } } : undefined;
    }
    const state = await get<InterviewState>(`/records/${action.record_id}/interview`);
    const i = (state.history ?? []).find((h) => h.version === action.version + 1);
    const ours = i && i.outcome === action.outcome && i.at === action.at && i.interviewer === this.user;
    return ours ? { action, sent: { ...i, status: state.status } } : undefined;
  }

  private read(): Action[] {
    try {
      const kept: unknown = JSON.parse(localStorage.getItem(this.key) ?? "[]");
      return Array.isArray(kept) ? kept.filter(isAction) : [];
    } catch {
      return [];
    }
  }

  private write(): void {
    if (this.pending.length === 0) localStorage.removeItem(this.key);
    else localStorage.setItem(this.key, JSON.stringify(this.pending));
  }

  private notify(done?: Done): void {
    const state = this.state();
    for (const listener of this.listeners) listener(state, done);
  }
}

// Not carried or not answered: the same request may succeed later.
function isTransient(e: ApiError): boolean {
  return e.status === 0 || e.status === 401 || e.status === 408 || e.status === 429 || e.status >= 500;
}

const outboxes = new Map<string, Outbox>();

// One outbox per user for the life of the page, so that queued actions keep being sent while
// the team looks at another page.
export function outboxFor(user: string): Outbox {
  let box = outboxes.get(user);
  if (!box) {
    box = new Outbox(user);
    outboxes.set(user, box);
  }
  return box;
}

// The records of the people a plan page shows, read one by one (GET /records/{id}: the plan
// itself carries record ids only, and every read of a person is access-logged, so a page reads
// only the people it is about to show: one phase and direction, the people moved in an edit,
// the people a counter or repair changed).
//
// Contract: `get(id)` is the record once read, `{ error }` when the caller may not read it, or
// undefined while it is being read; records already read are kept for the page's life, so
// going back to a phase reads nobody again. Six reads at a time; the page is redrawn at most
// once a frame while they arrive.
import { useEffect, useRef, useState } from "preact/hooks";
import { get, type PersonRecord } from "../api/client";

export type RecordRead = { record: PersonRecord } | { error: unknown };

export interface Records {
  get: (recordId: number | undefined) => RecordRead | undefined;
  loading: number;  // of the ids asked for, how many are still being read
}

const parallel = 6;

export function useRecords(ids: readonly number[]): Records {
  const read = useRef(new Map<number, RecordRead>());
  const pending = useRef(new Set<number>());
  const live = useRef(true);
  const [, setTick] = useState(0);
  const frame = useRef(0);
  const redraw = () => {
    if (frame.current || !live.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      setTick((n) => n + 1);
    });
  };

  const wanted = [...new Set(ids)].sort((a, b) => a - b).join(",");
  useEffect(() => {
    const queue = [...new Set(ids)].filter((id) => !read.current.has(id) && !pending.current.has(id));
    for (const id of queue) pending.current.add(id);
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        let got: RecordRead;
        try {
          got = { record: await get<PersonRecord>(`/records/${id}`) };
        } catch (error) {
          got = { error };
        }
        read.current.set(id, got);
        pending.current.delete(id);
        redraw();
      }
    };
    for (let i = 0; i < Math.min(parallel, queue.length); i++) void worker();
  }, [wanted]);

  useEffect(
    () => () => {
      live.current = false;
      cancelAnimationFrame(frame.current);
    },
    [],
  );

  return {
    get: (id) => (id === undefined ? undefined : read.current.get(id)),
    loading: ids.filter((id) => !read.current.has(id)).length,
  };
}

export function recordOf(read: RecordRead | undefined): PersonRecord | undefined {
  return read && "record" in read ? read.record : undefined;
}

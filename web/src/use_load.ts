// Loads what a page shows, again whenever `deps` change; `reload` fetches it afresh.
import { useCallback, useLayoutEffect, useState } from "preact/hooks";

export interface Loading<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  reload: () => void;
}

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loading<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({
    loading: true,
  });
  const [round, setRound] = useState(0);
  // A layout effect starts the request as soon as the page is rendered, not after the next
  // paint: the answer arrives one frame sooner on every page.
  useLayoutEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}

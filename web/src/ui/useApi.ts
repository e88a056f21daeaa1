/** Loads data from the API for a component: { data, error, loading, reload }. */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (d: T) => void;
}

export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    setError(undefined);
    loader.current(ctl.signal).then(
      (d) => {
        if (!ctl.signal.aborted) {
          setData(d);
          setLoading(false);
        }
      },
      (e: unknown) => {
        if (!ctl.signal.aborted) {
          setError(e);
          setLoading(false);
        }
      },
    );
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}

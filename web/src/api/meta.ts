/** `GET /api/v1/meta`: this installation (demo or production) and its upload limits, asked once per page load. */
import { useEffect, useState } from 'react';
import { api } from './client.ts';
import type { ApiBody } from './types.ts';

export type Meta = ApiBody<'/api/v1/meta'>;
let cached: Promise<Meta | null> | undefined;

/** The installation's meta (null when the server does not answer). */
export function loadMeta(): Promise<Meta | null> {
  cached ??= api<Meta>('/meta').catch(() => null);
  return cached;
}

/** The meta once loaded (undefined until then, null when unavailable). */
export function useMeta(): Meta | null | undefined {
  const [meta, setMeta] = useState<Meta | null>();
  useEffect(() => {
    let live = true;
    void loadMeta().then((m) => live && setMeta(m));
    return () => {
      live = false;
    };
  }, []);
  return meta;
}

/**
 * A dossier and its procedure, and acting on it: each action carries If-Match with the version the
 * user saw; a 409 version conflict means someone else acted first and the page offers a reload.
 */
import { useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { Dossier, Procedure } from '../api/types.ts';
import { useApi } from '../ui/useApi.ts';

export interface ActionBody {
  action: string;
  [field: string]: unknown;
}

export function useDossier(code: string) {
  const loaded = useApi(async (signal) => {
    const d = await api<Dossier>(`/dossiers/${encodeURIComponent(code)}`, { signal });
    const p = await api<Procedure>(`/procedures/${encodeURIComponent(d.procedure.code)}?version=${d.procedure.version ?? ''}`, { signal })
      .catch(() => undefined);
    return { d, p };
  }, [code]);
  const [conflict, setConflict] = useState(false);
  const [done, setDone] = useState<string>();

  async function act(body: ActionBody): Promise<Dossier> {
    const current = loaded.data;
    if (!current) throw new Error('dossier not loaded');
    setDone(undefined);
    try {
      const next = await api<Dossier>(`/dossiers/${encodeURIComponent(code)}/actions`, {
        body, headers: { 'if-match': `"${current.d.version}"` },
      });
      loaded.setData({ ...current, d: next });
      setDone(body.action);
      return next;
    } catch (err) {
      if (err instanceof ApiError && err.type === 'version-conflict') setConflict(true);
      throw err;
    }
  }

  function reload() {
    setConflict(false);
    setDone(undefined);
    loaded.reload();
  }

  return { dossier: loaded.data?.d, procedure: loaded.data?.p, error: loaded.error, loading: loaded.loading && !loaded.data, act, conflict, reload, done };
}

/**
 * Live updates: the server's event stream (GET /api/v1/ioc/stream, the session cookie) says `changed`
 * when dossier events have been folded into the figures; the dashboard then reloads its data, at most
 * once every two seconds. EventSource reconnects by itself, and the dashboard then reloads for what it
 * missed meanwhile; `connected` says whether the stream is up.
 */
import { useEffect, useRef, useState } from 'react';
import { API } from '../api/client.ts';

export function useLive(onChanged: () => void): { connected: boolean } {
  const [connected, setConnected] = useState(false);
  const callback = useRef(onChanged);
  callback.current = onChanged;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`${API}/ioc/stream`);
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const fire = () => {
      timer = null;
      last = Date.now();
      callback.current();
    };
    let dropped = false;
    source.addEventListener('ready', () => {
      setConnected(true);
      if (dropped) callback.current(); // what changed while the connection was down
      dropped = false;
    });
    source.addEventListener('changed', () => {
      if (timer) return;
      timer = setTimeout(fire, Math.max(0, 2000 - (Date.now() - last)));
    });
    source.onerror = () => {
      dropped = true;
      setConnected(false);
    };
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, []);
  return { connected };
}

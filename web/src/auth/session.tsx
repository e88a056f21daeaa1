/**
 * The signed-in user. The session lives in the httpOnly cookie the API sets at sign-in, so no token is
 * kept in JavaScript; GET /auth/me tells who is signed in.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { api, ApiError, setUnauthenticatedHandler } from '../api/client.ts';
import type { Ability, Principal } from '../api/types.ts';
import { Loading } from '../ui/Feedback.tsx';
import { clearAllDrafts } from '../eform/draft.ts';

interface Session {
  user: Principal | null;
  ready: boolean;
  signIn(username: string, password: string): Promise<Principal>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Principal | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    // An expired session: forget the user, so protected pages send to sign-in and back.
    setUnauthenticatedHandler(() => setUser(null));
    return () => setUnauthenticatedHandler(undefined);
  }, []);

  useEffect(() => {
    api<Principal>('/auth/me').then(setUser, (e: unknown) => {
      if (!(e instanceof ApiError && e.status === 401)) console.warn('auth/me failed', e);
    }).finally(() => setReady(true));
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const res = await api<{ user: Principal }>('/auth/login', { body: { username, password } });
    setUser(res.user);
    return res.user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api('/auth/logout', { method: 'POST' });
    } finally {
      clearAllDrafts();
      setUser(null);
    }
  }, []);

  const value = useMemo(() => ({ user, ready, signIn, signOut }), [user, ready, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** Whether the server says the user may do this (GET /auth/me → abilities); the rules stay on the server. */
export function can(user: Principal | null | undefined, ability: Ability): boolean {
  return Boolean(user?.abilities.includes(ability));
}

/**
 * Renders children for a signed-in user (of this kind, or with this ability); sends others to
 * sign-in and back, or home.
 */
export function RequireUser({ kind, may, children }: { kind?: Principal['kind']; may?: Ability; children: ReactNode }) {
  const { user, ready } = useSession();
  const location = useLocation();
  if (!ready) return <Loading />;
  if (!user) return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  const fits = (!kind || user.kind === kind) && (!may || can(user, may));
  if (!fits) return <Navigate to={homeOf(user)} replace />;
  return <>{children}</>;
}

/** Where a user lands after signing in: their work queue, else the operations centre, else their dossiers. */
export function homeOf(user: Principal): string {
  if (can(user, 'work_queue')) return '/desk';
  if (can(user, 'ioc')) return '/ioc';
  return user.kind === 'citizen' ? '/me/dossiers' : '/';
}

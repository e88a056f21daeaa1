/**
 * The signed-in user. The session lives in the httpOnly cookie the API sets at sign-in, so no token is
 * kept in JavaScript; GET /auth/me tells who is signed in.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { api, ApiError, setUnauthenticatedHandler } from '../api/client.ts';
import type { Principal } from '../api/types.ts';
import { Loading } from '../ui/Feedback.tsx';

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

/** Renders children for the right kind of user; otherwise sends to sign-in and back. */
/** A province admin or an agency leader: who has the operations centre. */
export function leads(user: Principal | null | undefined): boolean {
  return Boolean(user?.roles.some((r) => r === 'province_admin' || r === 'agency_leader'));
}

export function RequireUser({ kind, children }: { kind: 'citizen' | 'officer' | 'leader' | 'any'; children: ReactNode }) {
  const { user, ready } = useSession();
  const location = useLocation();
  if (!ready) return <Loading />;
  if (!user) return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  const fits = kind === 'any' || (kind === 'leader' ? leads(user) : user.kind === kind);
  if (!fits) return <Navigate to={homeOf(user)} replace />;
  return <>{children}</>;
}

/** Where a user lands after signing in. */
export function homeOf(user: Principal): string {
  return user.kind === 'officer' ? '/desk' : '/me/dossiers';
}

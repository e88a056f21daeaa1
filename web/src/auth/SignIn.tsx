import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorBox, PageHeader } from '../ui/Feedback.tsx';
import { homeOf, useSession } from './session.tsx';

/** Only paths inside the application are followed after sign-in. */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export default function SignIn() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const user = await signIn(username.trim(), password);
      navigate(safeNext(params.get('next')) ?? homeOf(user), { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="narrow card">
      <PageHeader title={t('auth.signInTitle')} />
      <p className="muted">{t('auth.signInHint')}</p>
      <ErrorBox error={error} />
      <form onSubmit={submit} className="stack">
        <div className="field">
          <label htmlFor="username">{t('auth.username')}</label>
          <input id="username" name="username" autoComplete="username" required value={username}
            onChange={(e) => setUsername(e.target.value)} aria-describedby="username-hint" />
          <small id="username-hint" className="hint">{t('auth.usernameHint')}</small>
        </div>
        <div className="field">
          <label htmlFor="password">{t('auth.password')}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required value={password}
            onChange={(e) => setPassword(e.target.value)} />
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? t('common.working') : t('auth.signIn')}</button>
      </form>
      <p>{t('auth.noAccount')} <Link to={`/signup${params.get('next') ? `?next=${encodeURIComponent(params.get('next')!)}` : ''}`}>{t('auth.signUp')}</Link></p>
    </section>
  );
}

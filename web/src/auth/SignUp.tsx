import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../api/client.ts';
import { ErrorBox, localDetail, PageHeader } from '../ui/Feedback.tsx';
import { safeNext } from './SignIn.tsx';
import { useSession } from './session.tsx';

interface Values {
  idNumber: string;
  fullName: string;
  phone: string;
  password: string;
  confirm: string;
}

export default function SignUp() {
  const { t, i18n } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [v, setV] = useState<Values>({ idNumber: '', fullName: '', phone: '', password: '', confirm: '' });
  const [error, setError] = useState<unknown>();
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof Values) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    if (v.password !== v.confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    try {
      await api('/auth/citizens', { body: { idNumber: v.idNumber.trim(), fullName: v.fullName.trim(), phone: v.phone.trim(), password: v.password } });
      await signIn(v.idNumber.trim(), v.password);
      navigate(safeNext(params.get('next')) ?? '/', { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: string) => {
    const d = error instanceof ApiError ? error.errors.find((f) => f.pointer.endsWith(`/${name}`))?.detail : undefined;
    return d && localDetail(d, i18n.language);
  };

  const input = (name: keyof Values, type: string, auto: string, extra: Record<string, string> = {}) => {
    const err = fieldError(name);
    return (
      <div className="field">
        <label htmlFor={`su-${name}`}>{t(`auth.${name}`)}</label>
        <input id={`su-${name}`} name={name} type={type} autoComplete={auto} required value={v[name]} onChange={set(name)}
          aria-invalid={err ? true : undefined} aria-describedby={`su-${name}-hint`} {...extra} />
        <small id={`su-${name}-hint`} className={err ? 'field-error' : 'hint'}>{err ?? t(`auth.${name}Hint`)}</small>
      </div>
    );
  };

  return (
    <section className="narrow card">
      <PageHeader title={t('auth.signUpTitle')} />
      <ErrorBox error={error} />
      <form onSubmit={submit} className="stack">
        {input('idNumber', 'text', 'off', { inputMode: 'numeric', pattern: '[0-9]{12}', maxLength: '12' })}
        {input('fullName', 'text', 'name')}
        {input('phone', 'tel', 'tel', { inputMode: 'tel' })}
        {input('password', 'password', 'new-password', { minLength: '8' })}
        {input('confirm', 'password', 'new-password', { minLength: '8' })}
        {mismatch && <p className="field-error" role="alert">{t('auth.mismatch')}</p>}
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? t('common.working') : t('auth.signUp')}</button>
      </form>
      <p>{t('auth.haveAccount')} <Link to="/signin">{t('auth.signIn')}</Link></p>
    </section>
  );
}

/**
 * Verifying a citizen's account at the counter: the officer sees the citizen and their ID card, looks up
 * the accounts claiming that number (phones masked) and verifies the one the citizen shows as theirs.
 * Counter dossiers for that number then appear in the citizen's account.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ErrorBox, PageHeader } from '../ui/Feedback.tsx';
import { formatDateTime } from '../ui/format.ts';

interface Account { id: string; fullName: string; phone: string | null; createdAt: string; assurance: 'basic' | 'verified'; disabled: boolean }

export default function VerifyAccount() {
  const { t, i18n } = useTranslation('desk');
  const [idNumber, setIdNumber] = useState('');
  const [checked, setChecked] = useState(false);
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();

  async function search(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setDone(null);
    try {
      setAccounts((await api<{ items: Account[] }>('/citizen-accounts/search', { body: { idNumber: idNumber.trim() } })).items);
    } catch (err) {
      setError(err);
    }
  }

  async function verify(a: Account) {
    setError(undefined);
    try {
      await api(`/citizen-accounts/${a.id}/verify`, { body: { idNumber: idNumber.trim(), idCardChecked: true } });
      setDone(a.fullName);
      setAccounts((list) => list?.map((x) => (x.id === a.id ? { ...x, assurance: 'verified' } : x)) ?? null);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="narrow">
      <PageHeader title={t('verify.title')} />
      <p className="lead">{t('verify.lead')}</p>
      <ErrorBox error={error} />
      {done && <p className="alert alert-success" role="status">{t('verify.done', { name: done })}</p>}
      <form className="card stack" onSubmit={search}>
        <div className="field">
          <label htmlFor="verify-id">{t('verify.idNumber')}</label>
          <input id="verify-id" name="idNumber" inputMode="numeric" pattern="[0-9]{12}" maxLength={12} required autoComplete="off"
            value={idNumber} onChange={(e) => { setIdNumber(e.target.value); setAccounts(null); }} />
        </div>
        <button type="submit" className="btn btn-primary">{t('verify.search')}</button>
      </form>
      {accounts && accounts.length === 0 && <p className="empty">{t('verify.none')}</p>}
      {accounts && accounts.length > 0 && (
        <>
          <label className="check">
            <input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} />
            {t('verify.checked')}
          </label>
          <ul className="cards">
            {accounts.map((a) => (
              <li key={a.id} className="card">
                <h2 className="h3">{a.fullName}</h2>
                <dl className="facts compact">
                  <div className="fact"><dt>{t('verify.phone')}</dt><dd>{a.phone ?? '—'}</dd></div>
                  <div className="fact"><dt>{t('verify.created')}</dt><dd>{formatDateTime(a.createdAt, i18n.language)}</dd></div>
                  <div className="fact"><dt>{t('verify.state')}</dt><dd>{t(`verify.${a.assurance}`)}</dd></div>
                </dl>
                {a.assurance === 'basic' && !a.disabled && (
                  <button type="button" className="btn" disabled={!checked} onClick={() => verify(a)}>{t('verify.confirm')}</button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

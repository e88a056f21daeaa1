/** Public lookup by dossier code and ID number; the ID number goes in a POST body, never in the URL. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { PublicDossier } from '../api/types.ts';
import { StatusBadge } from '../ui/Badges.tsx';
import { ErrorBox, PageHeader } from '../ui/Feedback.tsx';
import { formatDateTime } from '../ui/format.ts';

export default function Lookup() {
  const { t, i18n } = useTranslation(['portal', 'dossier']);
  const [code, setCode] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [result, setResult] = useState<PublicDossier>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const en = i18n.language === 'en';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await api<PublicDossier>('/public/dossiers/lookup', { body: { code: code.trim(), idNumber: idNumber.trim() } }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="narrow">
      <PageHeader title={t('lookup.title')} />
      <p className="muted">{t('lookup.lead')}</p>
      <form className="card stack" onSubmit={submit}>
        <div className="field">
          <label htmlFor="lk-code">{t('lookup.code')}</label>
          <input id="lk-code" required value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" aria-describedby="lk-code-hint" />
          <small id="lk-code-hint" className="hint">{t('lookup.codeHint')}</small>
        </div>
        <div className="field">
          <label htmlFor="lk-id">{t('lookup.idNumber')}</label>
          <input id="lk-id" required inputMode="numeric" value={idNumber} onChange={(e) => setIdNumber(e.target.value)} autoComplete="off" />
        </div>
        <button className="btn btn-primary" type="submit" disabled={busy}>{busy ? t('common.working') : t('lookup.submit')}</button>
      </form>
      <div aria-live="polite">
        <ErrorBox error={error} />
        {result && (
          <section className="card" aria-labelledby="lk-result">
            <h2 id="lk-result">{t('lookup.result', { code: result.code })}</h2>
            <p><StatusBadge code={result.statusCode} name={result.statusName} /></p>
            <dl className="facts">
              <dt>{t('dossier.procedure')}</dt><dd>{result.procedure.name}</dd>
              <dt>{t('dossier.submittedAt')}</dt><dd>{formatDateTime(result.submittedAt, i18n.language)}</dd>
              <dt>{t('dossier.receivedAt')}</dt><dd>{formatDateTime(result.receivedAt, i18n.language)}</dd>
              <dt>{t('dossier.dueAt')}</dt><dd>{formatDateTime(result.dueAt, i18n.language)}</dd>
              <dt>{t('dossier.desk')}</dt><dd>{en ? result.deskAgency.nameEn : result.deskAgency.name}</dd>
              <dt>{t('dossier.handling')}</dt><dd>{en ? result.handlingAgency.nameEn : result.handlingAgency.name}</dd>
            </dl>
          </section>
        )}
      </div>
    </section>
  );
}

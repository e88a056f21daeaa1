/** Client credentials: create one (the secret shown once, with copy buttons), the list without secrets, revoke. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ErrorBox, Loading } from '../ui/Feedback.tsx';
import { formatDateTime } from '../ui/format.ts';
import { TableWrap } from '../ui/TableWrap.tsx';
import { useApi } from '../ui/useApi.ts';
import { detailOf, GatewayFrame } from './GatewayFrame.tsx';
import type { CredentialItem, NewCredential, Registry } from './types.ts';

function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const { t } = useTranslation('gateway');
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="gw-copy-row">
        <input id={id} className="gw-mono" readOnly value={value} size={Math.min(60, value.length + 2)} onFocus={(e) => e.target.select()} />
        <button type="button" className="btn" onClick={() => void copy()} aria-label={`${t('gw.credentials.copy')}: ${label}`}>{t('gw.credentials.copy')}</button>
        <span role="status">{copied ? t('gw.credentials.copied') : ''}</span>
      </div>
    </div>
  );
}

export default function Credentials() {
  const { t, i18n } = useTranslation('gateway');
  const registry = useApi((signal) => api<Registry>('/gateway/registry', { signal }), []);
  const list = useApi((signal) => api<{ items: CredentialItem[] }>('/gateway/credentials', { signal }), []);
  const [subsystem, setSubsystem] = useState('');
  const [certificate, setCertificate] = useState('');
  const [made, setMade] = useState<NewCredential | null>(null);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string | null>(null);
  const subsystems = registry.data?.members.flatMap((m) => m.subsystems.map((s) => s.id)) ?? [];

  async function create(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setDone(null);
    try {
      setMade(await api<NewCredential>('/gateway/credentials', { body: { subsystem, ...(certificate.trim() ? { certificate: certificate.trim() } : {}) } }));
      setCertificate('');
      list.reload();
    } catch (err) {
      setError(err);
    }
  }

  async function revoke(clientId: string) {
    setError(undefined);
    try {
      await api(`/gateway/credentials/${encodeURIComponent(clientId)}/revoke`, { body: {} });
      setDone(t('gw.credentials.revoked', { id: clientId }));
      list.reload();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <GatewayFrame title={t('gw.credentials.title')} lead={t('gw.credentials.lead')}>
      {made && (
        <section className="card gw-secret alert alert-success" aria-labelledby="gw-made-title">
          <h2 id="gw-made-title">{t('gw.credentials.createdTitle')}</h2>
          <p className="gw-mono">{made.subsystem}</p>
          <CopyField id="gw-made-id" label={t('gw.credentials.clientId')} value={made.clientId} />
          {made.clientSecret && (
            <>
              <p><strong>{t('gw.credentials.secretOnce')}</strong></p>
              <CopyField id="gw-made-secret" label={t('gw.credentials.secret')} value={made.clientSecret} />
            </>
          )}
          {made.fingerprint && <CopyField id="gw-made-fp" label={t('gw.credentials.fingerprint')} value={made.fingerprint} />}
          <button type="button" className="btn" onClick={() => setMade(null)}>{t('gw.credentials.dismiss')}</button>
        </section>
      )}
      <form className="card stack" onSubmit={create} aria-labelledby="gw-cred-add">
        <h2 id="gw-cred-add">{t('gw.credentials.add')}</h2>
        <ErrorBox error={error}>{detailOf(error) && <p><code>{detailOf(error)}</code></p>}</ErrorBox>
        {done && <p className="alert alert-success" role="status">{done}</p>}
        <div className="field">
          <label htmlFor="gw-cred-sub">{t('gw.credentials.subsystem')}</label>
          <select id="gw-cred-sub" required value={subsystem} onChange={(e) => setSubsystem(e.target.value)}>
            <option value="">{t('gw.credentials.choose')}</option>
            {subsystems.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="gw-cred-cert">{t('gw.credentials.certificate')}</label>
          <textarea id="gw-cred-cert" rows={4} maxLength={20000} spellCheck={false} className="gw-mono" value={certificate} onChange={(e) => setCertificate(e.target.value)} />
        </div>
        <button type="submit" className="btn btn-primary">{t('gw.credentials.create')}</button>
      </form>
      {(list.loading || registry.loading) && <Loading />}
      <ErrorBox error={list.error ?? registry.error} />
      {list.data && list.data.items.length === 0 && <p className="empty">{t('gw.credentials.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <TableWrap label={t('gw.credentials.title')}>
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{t('gw.credentials.clientId')}</th><th scope="col">{t('gw.credentials.subsystem')}</th><th scope="col">{t('gw.credentials.kind')}</th>
                <th scope="col">{t('gw.credentials.created')}</th><th scope="col">{t('gw.credentials.state')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((c) => (
                <tr key={c.clientId}>
                  <td className="gw-mono">{c.clientId}</td><td className="gw-mono">{c.subsystem}</td>
                  <td>{t(`gw.credentials.kinds.${c.kind}`)}</td><td>{formatDateTime(c.createdAt, i18n.language)}</td>
                  <td>
                    {c.revokedAt ? t('gw.credentials.revokedAt', { at: formatDateTime(c.revokedAt, i18n.language) }) : (
                      <>
                        {t('gw.credentials.active')}{' '}
                        <button type="button" className="btn" onClick={() => void revoke(c.clientId)} aria-label={`${t('gw.credentials.revoke')}: ${c.clientId}`}>{t('gw.credentials.revoke')}</button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </GatewayFrame>
  );
}

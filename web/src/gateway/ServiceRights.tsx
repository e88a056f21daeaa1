/** One service's access rights (deny by default): who may call which endpoints; grant and revoke. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { ErrorBox, Loading } from '../ui/Feedback.tsx';
import { formatDateTime } from '../ui/format.ts';
import { TableWrap } from '../ui/TableWrap.tsx';
import { useApi } from '../ui/useApi.ts';
import { detailOf, GatewayFrame } from './GatewayFrame.tsx';
import type { Registry } from './types.ts';

const METHODS = ['*', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

export default function ServiceRights() {
  const { t, i18n } = useTranslation('gateway');
  const [params] = useSearchParams();
  const id = params.get('id') ?? '';
  const registry = useApi((signal) => api<Registry>('/gateway/registry', { signal }), []);
  const [form, setForm] = useState({ subject: '', method: '*', path: '*' });
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string | null>(null);
  const service = registry.data?.services.find((s) => s.id === id);
  const subjects = registry.data ? [
    ...registry.data.members.flatMap((m) => m.subsystems.flatMap((s) => [s.id, ...s.credentials.filter((c) => !c.revokedAt).map((c) => c.clientId)])),
    ...registry.data.groups.map((g) => g.id),
  ] : [];

  async function grant(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setDone(null);
    try {
      const r = await api<{ subject: string; granted: boolean }>('/gateway/rights', { body: { subject: form.subject.trim(), service: id, method: form.method, path: form.path.trim() || '*' } });
      setDone(t(r.granted ? 'gw.rights.granted' : 'gw.rights.already', { subject: r.subject }));
      setForm({ subject: '', method: '*', path: '*' });
      registry.reload();
    } catch (err) {
      setError(err);
    }
  }

  async function revoke(subject: string, method: string, path: string) {
    setError(undefined);
    setDone(null);
    try {
      await api('/gateway/rights/revoke', { body: { subject, service: id, method, path } });
      setDone(t('gw.rights.revoked', { subject }));
      registry.reload();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <GatewayFrame title={t('gw.rights.title', { id })} lead={t('gw.rights.lead')}>
      <p><Link to="/admin/gateway/services">{t('gw.rights.back')}</Link></p>
      {registry.loading && <Loading />}
      <ErrorBox error={registry.error} />
      {registry.data && !service && <p className="alert alert-warning">{t('gw.rights.notFound')}</p>}
      {service && (
        <>
          <form className="card stack" onSubmit={grant} aria-labelledby="gw-right-add">
            <h2 id="gw-right-add">{t('gw.rights.grant')}</h2>
            <ErrorBox error={error}>{detailOf(error) && <p><code>{detailOf(error)}</code></p>}</ErrorBox>
            {done && <p className="alert alert-success" role="status">{done}</p>}
            <div className="gw-grid">
              <div className="field">
                <label htmlFor="gw-right-subject">{t('gw.rights.subject')}</label>
                <input id="gw-right-subject" required list="gw-right-subjects" maxLength={1100} autoComplete="off" spellCheck={false} aria-describedby="gw-right-subject-hint"
                  value={form.subject} onChange={(e) => setForm({ ...form, subject: e.target.value })} />
                <datalist id="gw-right-subjects">{subjects.map((s) => <option key={s} value={s} />)}</datalist>
                <small id="gw-right-subject-hint">{t('gw.rights.subjectHint')}</small>
              </div>
              <div className="field">
                <label htmlFor="gw-right-method">{t('gw.rights.method')}</label>
                <select id="gw-right-method" value={form.method} onChange={(e) => setForm({ ...form, method: e.target.value })}>
                  {METHODS.map((m) => <option key={m} value={m}>{m === '*' ? `* (${t('gw.rights.any')})` : m}</option>)}
                </select>
              </div>
              <div className="field">
                <label htmlFor="gw-right-path">{t('gw.rights.path')}</label>
                <input id="gw-right-path" maxLength={1000} spellCheck={false} aria-describedby="gw-right-path-hint" list="gw-right-paths"
                  value={form.path} onChange={(e) => setForm({ ...form, path: e.target.value })} />
                <datalist id="gw-right-paths">{service.endpoints.map((e) => <option key={`${e.method} ${e.path}`} value={e.path} />)}</datalist>
                <small id="gw-right-path-hint">{t('gw.rights.pathHint')}</small>
              </div>
            </div>
            <button type="submit" className="btn btn-primary">{t('gw.rights.grant')}</button>
          </form>
          <h2>{t('gw.services.rights')}</h2>
          {service.rights.length === 0 ? <p className="empty">{t('gw.rights.none')}</p> : (
            <TableWrap label={t('gw.services.rights')}>
              <table className="table compact">
                <thead>
                  <tr>
                    <th scope="col">{t('gw.rights.subject')}</th><th scope="col">{t('gw.rights.method')}</th><th scope="col">{t('gw.rights.path')}</th>
                    <th scope="col">{t('gw.credentials.created')}</th><th scope="col"><span className="visually-hidden">{t('gw.rights.revoke')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {service.rights.map((r) => (
                    <tr key={`${r.subject} ${r.method} ${r.path}`}>
                      <td className="gw-mono">{r.subject}</td><td className="gw-mono">{r.method}</td><td className="gw-mono">{r.path}</td>
                      <td>{formatDateTime(r.createdAt, i18n.language)}</td>
                      <td>
                        <button type="button" className="btn" onClick={() => void revoke(r.subject, r.method, r.path)}
                          aria-label={`${t('gw.rights.revoke')}: ${r.subject} ${r.method} ${r.path}`}>{t('gw.rights.revoke')}</button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </>
      )}
    </GatewayFrame>
  );
}

/** Services: register or update one (with an OpenAPI file import), the list with endpoints, disable/enable, and a link to its rights. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api/client.ts';
import { ErrorBox, Loading } from '../ui/Feedback.tsx';
import { TableWrap } from '../ui/TableWrap.tsx';
import { useApi } from '../ui/useApi.ts';
import { detailOf, GatewayFrame } from './GatewayFrame.tsx';
import type { Registry, SavedService, Service } from './types.ts';

const EMPTY = { id: '', url: '', title: '', timeout: '', digestOnly: false };

export default function Services() {
  const { t } = useTranslation('gateway');
  const registry = useApi((signal) => api<Registry>('/gateway/registry', { signal }), []);
  const [form, setForm] = useState(EMPTY);
  const [openapi, setOpenapi] = useState<{ name: string; text: string } | null>(null);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string | null>(null);
  const [fileKey, setFileKey] = useState(0);

  async function pick(file: File | undefined) {
    setOpenapi(file ? { name: file.name, text: await file.text() } : null);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setDone(null);
    try {
      const r = await api<SavedService>('/gateway/services', {
        body: {
          id: form.id.trim(), createSubsystem: true, digestOnly: form.digestOnly,
          ...(form.url.trim() ? { url: form.url.trim() } : {}),
          ...(form.title.trim() ? { title: form.title.trim() } : {}),
          ...(form.timeout.trim() ? { timeoutMs: Number(form.timeout) } : {}),
          ...(openapi ? { openapi: openapi.text } : {}),
        },
      });
      setDone(t('gw.services.saved', { id: r.id, count: r.endpoints.length }));
      setForm(EMPTY);
      setOpenapi(null);
      setFileKey((k) => k + 1);
      registry.reload();
    } catch (err) {
      setError(err);
    }
  }

  async function toggle(s: Service) {
    setError(undefined);
    try {
      await api('/gateway/services', { body: { id: s.id, disabled: !s.disabled } });
      registry.reload();
    } catch (err) {
      setError(err);
    }
  }

  const field = (key: 'id' | 'url' | 'title' | 'timeout') => ({ value: form[key], onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }) });

  return (
    <GatewayFrame title={t('gw.services.title')} lead={t('gw.services.lead')}>
      <form className="card stack" onSubmit={save} aria-labelledby="gw-svc-add">
        <h2 id="gw-svc-add">{t('gw.services.add')}</h2>
        <ErrorBox error={error}>{detailOf(error) && <p><code>{detailOf(error)}</code></p>}</ErrorBox>
        {done && <p className="alert alert-success" role="status">{done}</p>}
        <div className="gw-grid">
          <div className="field">
            <label htmlFor="gw-svc-id">{t('gw.services.id')}</label>
            <input id="gw-svc-id" required maxLength={1100} autoComplete="off" spellCheck={false} aria-describedby="gw-svc-id-hint" {...field('id')} />
            <small id="gw-svc-id-hint">{t('gw.services.idHint')}</small>
          </div>
          <div className="field">
            <label htmlFor="gw-svc-openapi">{t('gw.services.openapi')}</label>
            <input key={fileKey} id="gw-svc-openapi" type="file" accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml" onChange={(e) => void pick(e.target.files?.[0])} />
          </div>
          <div className="field">
            <label htmlFor="gw-svc-url">{t('gw.services.url')}</label>
            <input id="gw-svc-url" type="url" maxLength={2000} inputMode="url" spellCheck={false} aria-describedby="gw-svc-url-hint" {...field('url')} />
            <small id="gw-svc-url-hint">{t('gw.services.urlHint')}</small>
          </div>
          <div className="field">
            <label htmlFor="gw-svc-title">{t('gw.services.serviceTitle')}</label>
            <input id="gw-svc-title" maxLength={200} {...field('title')} />
          </div>
          <div className="field">
            <label htmlFor="gw-svc-timeout">{t('gw.services.timeout')}</label>
            <input id="gw-svc-timeout" type="number" min={1} max={600000} step={1} inputMode="numeric" {...field('timeout')} />
          </div>
        </div>
        <label className="check">
          <input type="checkbox" checked={form.digestOnly} onChange={(e) => setForm({ ...form, digestOnly: e.target.checked })} />
          {t('gw.services.digestOnly')}
        </label>
        <button type="submit" className="btn btn-primary">{t('gw.services.save')}</button>
      </form>
      {registry.loading && <Loading />}
      <ErrorBox error={registry.error} />
      {registry.data && registry.data.services.length === 0 && <p className="empty">{t('gw.services.none')}</p>}
      {registry.data && registry.data.services.length > 0 && (
        <TableWrap label={t('gw.services.title')}>
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{t('gw.services.id')}</th><th scope="col">{t('gw.services.url')}</th>
                <th scope="col">{t('gw.services.endpoints')}</th><th scope="col">{t('gw.services.rights')}</th><th scope="col"><span className="visually-hidden">{t('gw.services.enabled')}</span></th>
              </tr>
            </thead>
            <tbody>
              {registry.data.services.map((s) => (
                <tr key={s.id}>
                  <td>
                    <span className="gw-mono">{s.id}</span>
                    {s.title && <><br /><small>{s.title}</small></>}
                    <br /><small>{s.disabled ? t('gw.services.disabled') : t('gw.services.enabled')}{s.digestOnly ? ` · ${t('gw.services.digest')}` : ''}</small>
                  </td>
                  <td className="gw-mono">{s.url}</td>
                  <td>{s.endpoints.length === 0 ? <small>{t('gw.services.noEndpoints')}</small> : (
                    <ul className="gw-list">{s.endpoints.map((e) => <li key={`${e.method} ${e.path}`} className="gw-mono">{e.method} {e.path}</li>)}</ul>
                  )}</td>
                  <td><Link to={`/admin/gateway/rights?id=${encodeURIComponent(s.id)}`}>{t('gw.services.manage')} ({s.rights.length})</Link></td>
                  <td><button type="button" className="btn" onClick={() => void toggle(s)}>{s.disabled ? t('gw.services.enable') : t('gw.services.disable')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </GatewayFrame>
  );
}

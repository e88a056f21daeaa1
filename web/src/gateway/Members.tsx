/** Members (organisations) and their subsystems (information systems): the list, and registering a subsystem. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ErrorBox, Loading } from '../ui/Feedback.tsx';
import { useApi } from '../ui/useApi.ts';
import { detailOf, GatewayFrame } from './GatewayFrame.tsx';
import type { Registry } from './types.ts';

export default function Members() {
  const { t } = useTranslation('gateway');
  const registry = useApi((signal) => api<Registry>('/gateway/registry', { signal }), []);
  const [form, setForm] = useState({ id: '', name: '', memberName: '' });
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setDone(null);
    try {
      const r = await api<{ id: string }>('/gateway/subsystems', {
        body: { id: form.id.trim(), ...(form.name.trim() ? { name: form.name.trim() } : {}), ...(form.memberName.trim() ? { memberName: form.memberName.trim() } : {}) },
      });
      setDone(t('gw.members.saved', { id: r.id }));
      setForm({ id: '', name: '', memberName: '' });
      registry.reload();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <GatewayFrame title={t('gw.members.title')} lead={t('gw.members.lead')}>
      <form className="card stack" onSubmit={submit} aria-labelledby="gw-sub-add">
        <h2 id="gw-sub-add">{t('gw.members.add')}</h2>
        <ErrorBox error={error}>{detailOf(error) && <p><code>{detailOf(error)}</code></p>}</ErrorBox>
        {done && <p className="alert alert-success" role="status">{done}</p>}
        <div className="gw-grid">
          <div className="field">
            <label htmlFor="gw-sub-id">{t('gw.members.id')}</label>
            <input id="gw-sub-id" required maxLength={1000} autoComplete="off" spellCheck={false} aria-describedby="gw-sub-id-hint"
              value={form.id} onChange={(e) => setForm({ ...form, id: e.target.value })} />
            <small id="gw-sub-id-hint">{t('gw.members.idHint')}</small>
          </div>
          <div className="field">
            <label htmlFor="gw-sub-name">{t('gw.members.name')}</label>
            <input id="gw-sub-name" maxLength={200} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="gw-sub-member">{t('gw.members.memberName')}</label>
            <input id="gw-sub-member" maxLength={200} value={form.memberName} onChange={(e) => setForm({ ...form, memberName: e.target.value })} />
          </div>
        </div>
        <button type="submit" className="btn btn-primary">{t('gw.members.save')}</button>
      </form>
      {registry.loading && <Loading />}
      <ErrorBox error={registry.error} />
      {registry.data && registry.data.members.length === 0 && <p className="empty">{t('gw.members.none')}</p>}
      {registry.data && registry.data.members.length > 0 && (
        <ul className="cards">
          {registry.data.members.map((m) => (
            <li key={m.id} className="card">
              <h2 className="h3">{m.name}</h2>
              <p className="gw-mono">{m.id}</p>
              <h3 className="h4">{t('gw.members.subsystems')}</h3>
              <ul className="gw-list">
                {m.subsystems.map((s) => (
                  <li key={s.id}>
                    <span className="gw-mono">{s.id}</span> — {s.name}{' '}
                    <small>({t('gw.members.credentials', { count: s.credentials.filter((c) => !c.revokedAt).length })})</small>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </GatewayFrame>
  );
}

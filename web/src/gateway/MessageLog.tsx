/** Message-log search by X-Road-Id, client, service and time (GET /gateway/log), newest first, with "show more". */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api/client.ts';
import { ErrorBox, Loading } from '../ui/Feedback.tsx';
import { formatDateTime, formatSize, vnLocalToIso } from '../ui/format.ts';
import { TableWrap } from '../ui/TableWrap.tsx';
import { GatewayFrame } from './GatewayFrame.tsx';
import type { LogItem, LogPage } from './types.ts';

const EMPTY = { xRoadId: '', client: '', service: '', from: '', to: '' };
const PAGE = 50;

function query(f: typeof EMPTY, cursor: string | null): string {
  const q = new URLSearchParams({ limit: String(PAGE) });
  if (f.xRoadId.trim()) q.set('xRoadId', f.xRoadId.trim());
  if (f.client.trim()) q.set('client', f.client.trim());
  if (f.service.trim()) q.set('service', f.service.trim());
  if (f.from) q.set('from', vnLocalToIso(f.from));
  if (f.to) q.set('to', vnLocalToIso(f.to));
  if (cursor) q.set('cursor', cursor);
  return q.toString();
}

export default function MessageLog() {
  const { t, i18n } = useTranslation('gateway');
  const [form, setForm] = useState(EMPTY);
  const [items, setItems] = useState<LogItem[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();

  async function load(cursor: string | null) {
    setLoading(true);
    setError(undefined);
    try {
      const page = await api<LogPage>(`/gateway/log?${query(form, cursor)}`);
      setItems((had) => (cursor && had ? [...had, ...page.items] : page.items));
      setNext(page.next);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }

  function search(e: FormEvent) {
    e.preventDefault();
    void load(null);
  }

  const input = (key: keyof typeof EMPTY, label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`gw-log-${key}`}>{label}</label>
      <input id={`gw-log-${key}`} type={type} maxLength={1100} spellCheck={false} autoComplete="off" value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </div>
  );

  return (
    <GatewayFrame title={t('gw.log.title')} lead={t('gw.log.lead')} showHealthy>
      <form className="card stack" onSubmit={search} role="search" aria-label={t('gw.log.title')}>
        <div className="gw-grid">
          {input('xRoadId', t('gw.log.xRoadId'))}
          {input('client', t('gw.log.client'))}
          {input('service', t('gw.log.service'))}
          {input('from', t('gw.log.from'), 'datetime-local')}
          {input('to', t('gw.log.to'), 'datetime-local')}
        </div>
        <button type="submit" className="btn btn-primary">{t('gw.log.search')}</button>
      </form>
      <ErrorBox error={error} />
      {loading && <Loading />}
      {items && items.length === 0 && <p className="empty">{t('gw.log.none')}</p>}
      {items && items.length > 0 && (
        <TableWrap label={t('gw.log.title')}>
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{t('gw.log.at')}</th><th scope="col">{t('gw.log.kind')}</th><th scope="col">X-Road-Id</th>
                <th scope="col">{t('gw.log.client')}</th><th scope="col">{t('gw.log.service')}</th><th scope="col">{t('gw.log.status')}</th>
                <th scope="col">{t('gw.log.size')}</th><th scope="col"><span className="visually-hidden">{t('gw.log.open')}</span></th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(r.at, i18n.language)}<br /><small>{r.timestamped ? t('gw.log.timestamped') : t('gw.log.pending')}</small></td>
                  <td>{t(`gw.log.kinds.${r.kind}`)}<br /><small className="gw-mono">{r.method} {r.path}</small></td>
                  <td className="gw-mono">{r.xRoadId}</td><td className="gw-mono">{r.client}</td><td className="gw-mono">{r.service}</td>
                  <td>{r.status ?? '—'}{r.error && <><br /><small className="gw-mono">{r.error}</small></>}</td>
                  <td>{formatSize(r.bodySize, i18n.language)}</td>
                  <td><Link to={`/admin/gateway/log/${encodeURIComponent(r.id)}`} aria-label={`${t('gw.log.open')}: ${t(`gw.log.kinds.${r.kind}`)} ${r.xRoadId}`}>{t('gw.log.open')}</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {next && !loading && <button type="button" className="btn" onClick={() => void load(next)}>{t('gw.log.more')}</button>}
    </GatewayFrame>
  );
}

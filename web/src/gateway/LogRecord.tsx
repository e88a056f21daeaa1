/** One message-log record (GET /gateway/log/{id}): its identifiers, headers, and body (text when it is, else its size). */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { ErrorBox, Loading } from '../ui/Feedback.tsx';
import { formatDateTime, formatSize } from '../ui/format.ts';
import { useApi } from '../ui/useApi.ts';
import { GatewayFrame } from './GatewayFrame.tsx';
import type { LogRecord as Rec } from './types.ts';

/** The body as text when it decodes as UTF-8 without control characters, else null. */
function textOf(base64: string): string | null {
  try {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? null : text;
  } catch {
    return null;
  }
}

export default function LogRecord() {
  const { t, i18n } = useTranslation('gateway');
  const { id = '' } = useParams();
  const rec = useApi((signal) => api<Rec>(`/gateway/log/${encodeURIComponent(id)}`, { signal }), [id]);
  const r = rec.data;
  const body = r?.body ? textOf(r.body) : null;
  return (
    <GatewayFrame title={t('gw.log.detail', { id })}>
      <p><Link to="/admin/gateway/log">{t('gw.log.title')}</Link></p>
      {rec.loading && <Loading />}
      <ErrorBox error={rec.error} />
      {r && (
        <>
          <dl className="facts card">
            <div className="fact"><dt>{t('gw.log.kind')}</dt><dd>{t(`gw.log.kinds.${r.kind}`)}</dd></div>
            <div className="fact"><dt>{t('gw.log.at')}</dt><dd>{formatDateTime(r.at, i18n.language)} · {r.timestamped ? t('gw.log.timestamped') : t('gw.log.pending')}</dd></div>
            <div className="fact"><dt>X-Road-Id</dt><dd className="gw-mono">{r.xRoadId}</dd></div>
            <div className="fact"><dt>{t('gw.log.requestId')}</dt><dd className="gw-mono">{r.requestId}</dd></div>
            <div className="fact"><dt>{t('gw.log.client')}</dt><dd className="gw-mono">{r.client}</dd></div>
            <div className="fact"><dt>{t('gw.log.service')}</dt><dd className="gw-mono">{r.service}</dd></div>
            <div className="fact"><dt>{t('gw.log.method')}</dt><dd className="gw-mono">{r.method} {r.path}</dd></div>
            <div className="fact"><dt>{t('gw.log.status')}</dt><dd>{r.status ?? '—'}</dd></div>
            {r.error && <div className="fact"><dt>{t('gw.log.error')}</dt><dd className="gw-mono">{r.error}</dd></div>}
            <div className="fact"><dt>{t('gw.log.sha')}</dt><dd className="gw-mono">{r.bodySha512}</dd></div>
          </dl>
          <h2>{t('gw.log.headers')}</h2>
          <pre className="gw-pre" tabIndex={0}>{Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`).join('\n')}</pre>
          <h2>{t('gw.log.body')} ({formatSize(r.bodySize, i18n.language)})</h2>
          {r.digestOnly ? <p>{t('gw.log.digestOnly')}</p>
            : !r.body ? <p>{t('gw.log.noBody')}</p>
            : body !== null ? <pre className="gw-pre" tabIndex={0}>{body}</pre>
            : <p>{t('gw.log.binary', { size: formatSize(r.bodySize, i18n.language) })}</p>}
        </>
      )}
    </GatewayFrame>
  );
}

/** The frame of every gateway admin page: title, the section tabs, and the message log's health (prominent when unhealthy). */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { api, ApiError } from '../api/client.ts';
import { PageHeader } from '../ui/Feedback.tsx';
import { formatDateTime } from '../ui/format.ts';
import { useApi } from '../ui/useApi.ts';
import type { LogStatus } from './types.ts';
import './gateway.css';

const TABS = [
  ['/admin/gateway', 'members'], ['/admin/gateway/services', 'services'], ['/admin/gateway/credentials', 'credentials'],
  ['/admin/gateway/log', 'log'], ['/admin/gateway/monitoring', 'monitoring'],
] as const;

function age(from: string, lang: string): string {
  const minutes = Math.max(0, Math.round((Date.now() - new Date(from).getTime()) / 60_000));
  const fmt = new Intl.RelativeTimeFormat(lang === 'en' ? 'en' : 'vi', { numeric: 'always', style: 'long' });
  const [n, unit] = minutes < 120 ? [minutes, 'minute'] as const : minutes < 2880 ? [Math.round(minutes / 60), 'hour'] as const : [Math.round(minutes / 1440), 'day'] as const;
  return fmt.formatToParts(n, unit).filter((p) => p.type !== 'literal' || /\d/.test(p.value) || p.value.trim() !== '').map((p) => p.value).join('').replace(/^(in|sau)\s+/i, '').trim();
}

/** The message log's health (GET /gateway/log/status). Unhealthy: an alert on every gateway page. */
export function LogHealth({ showHealthy = false }: { showHealthy?: boolean }) {
  const { t, i18n } = useTranslation('gateway');
  const status = useApi((signal) => api<LogStatus>('/gateway/log/status', { signal }), []);
  if (status.loading) return null;
  if (status.error) {
    // Before the message log runs on this node the route may be missing; anything else is said.
    return status.error instanceof ApiError && status.error.status === 404 ? null : <p className="alert alert-warning">{t('gw.health.unknown')}</p>;
  }
  const s = status.data!;
  const at = s.lastTimestampAt ? formatDateTime(s.lastTimestampAt, i18n.language) : null;
  if (s.healthy) return showHealthy ? <p className="gw-health-ok" role="status">{t('gw.health.healthy', { at: at ?? '—' })}</p> : null;
  return (
    <div className="alert alert-error gw-health" role="alert">
      <strong>{t('gw.health.unhealthy')}</strong>
      <p>{s.lastTimestampAt ? t('gw.health.last', { at, age: age(s.lastTimestampAt, i18n.language), count: s.untimestamped }) : t('gw.health.never', { count: s.untimestamped })}</p>
      {s.reason && <p><code>{s.reason}</code></p>}
      {s.refuseTraffic && <p><strong>{t('gw.health.refusing')}</strong></p>}
    </div>
  );
}

export function GatewayFrame({ title, lead, children, showHealthy }: { title: string; lead?: string; children: ReactNode; showHealthy?: boolean }) {
  const { t } = useTranslation('gateway');
  return (
    <section className="gateway">
      <p className="gw-kicker">{t('gw.title')}</p>
      <PageHeader title={title} />
      <nav className="gw-tabs" aria-label={t('gw.nav.label')}>
        <ul>
          {TABS.map(([to, key]) => <li key={to}><NavLink to={to} end>{t(`gw.nav.${key}`)}</NavLink></li>)}
        </ul>
      </nav>
      <LogHealth showHealthy={showHealthy} />
      {lead && <p className="lead">{lead}</p>}
      {children}
    </section>
  );
}

/** An API error with its developer detail (the admin needs to know which part of an OpenAPI document is wrong). */
export function detailOf(err: unknown): string | undefined {
  return err instanceof ApiError ? err.detail : undefined;
}

/**
 * The operations centre for leaders (/ioc): the Decision 766 index and its six groups, key figures
 * against the previous period, 12-month trends, tables by agency, procedure and commune that drill
 * down (the URL holds level, id and period: no personal data), the late dossiers themselves, CSV
 * exports, and live updates over server-sent events. A province admin sees the province and any
 * agency; an agency leader their own agency.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, API, query } from '../api/client.ts';
import { can, useSession } from '../auth/session.tsx';
import { agencies } from '../api/catalog.ts';
import { ErrorBox, Loading, PageHeader } from '../ui/Feedback.tsx';
import { formatDateTime } from '../ui/format.ts';
import { useApi } from '../ui/useApi.ts';
import { EntityTable } from './EntityTable.tsx';
import { Filters, type FilterValue } from './Filters.tsx';
import { periodLabel } from './format.ts';
import { IndexPanel } from './IndexPanel.tsx';
import { Kpis } from './Kpis.tsx';
import { LateList } from './LateList.tsx';
import { Trend } from './Trend.tsx';
import type { Dashboard as Data, Level, Row } from './types.ts';
import { useLive } from './useLive.ts';
import { useMeta } from '../api/meta.ts';
import './ioc.css';

const LEVELS: Level[] = ['province', 'agency', 'procedure', 'commune'];

export default function Dashboard() {
  const { t, i18n } = useTranslation('leader');
  const lang = i18n.language;
  const { user } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const admin = can(user, 'province_admin');
  const rawLevel = params.get('level') as Level | null;
  const level: Level = rawLevel && LEVELS.includes(rawLevel) ? rawLevel : admin ? 'province' : 'agency';
  const id = level === 'province' ? undefined : (params.get('id') ?? (level === 'agency' && !admin ? user?.agencyId ?? undefined : undefined));
  // Unsaid, the server's current year (its clock, Vietnam time); the page then shows the period it answered for.
  const asked = params.get('period') ?? undefined;
  const search = query({ level, period: asked, id });
  const [version, setVersion] = useState(0);
  // The reload a live update caused, announced only while the same view is shown.
  const [refreshedFor, setRefreshedFor] = useState<string | null>(null);

  const data = useApi((signal) => api<Data>(`/ioc/dashboard${search}`, { signal }), [search, version]);
  const agencyList = useApi(async () => (admin ? agencies() : null), [admin]);
  const live = useLive(() => {
    setVersion((v) => v + 1);
    setRefreshedFor(search);
  });

  const d = data.data;
  const period = asked ?? d?.period;
  const to = (l: Level, key?: string, p = period) => `/ioc${query({ level: l, period: p, id: key })}`;
  const apply = (f: FilterValue) => navigate(f.agencyId ? to('agency', f.agencyId, f.period) : admin ? to('province', undefined, f.period) : to('agency', user?.agencyId ?? undefined, f.period));
  const csv = (table: string) => `${API}/ioc/dashboard${search}&format=csv&table=${table}`;
  const drillProcedure = (r: Row) => to('procedure', r.id);

  // A demo installation's figures come from generated dossiers: the page says so (GET /meta → environment).
  const demo = useMeta()?.environment === 'demo';

  const rootLabel = admin ? t('ioc.levels.province') : null;
  return (
    <section className="ioc">
      <PageHeader title={t('ioc.title')}>
        <p className="muted">{t('ioc.lead')}</p>
        {demo && <p className="ioc-demo-note"><span className="badge ioc-demo" data-testid="ioc-demo">{t('ioc.demo')}</span> <span className="muted">{t('ioc.demoNote')}</span></p>}
        <p className={live.connected ? 'ioc-live on' : 'ioc-live'}>
          <span className="dot" aria-hidden="true" /> {live.connected ? t('ioc.live') : t('ioc.liveOff')}
          {d && <span className="muted"> · {t('ioc.updated', { time: formatDateTime(d.dataUpdatedAt ?? d.asOf, lang) })}</span>}
        </p>
      </PageHeader>
      {period && <Filters key={`${search}|${period}`} value={{ period, agencyId: level === 'agency' && admin ? id ?? '' : '' }} agencies={admin ? (agencyList.data ?? []) : null} onApply={apply} />}
      <nav aria-label={t('ioc.breadcrumb')} className="ioc-crumbs">
        <ol>
          {rootLabel && <li>{level === 'province' ? <span aria-current="page">{rootLabel}</span> : <Link to={to('province')}>{rootLabel}</Link>}</li>}
          {!admin && level !== 'agency' && user?.agencyId && <li><Link to={to('agency', user.agencyId)}>{t('ioc.levels.agency')}</Link></li>}
          {level !== 'province' && d && <li><span aria-current="page">{t(`ioc.levels.${level}`)}: {d.name}</span></li>}
        </ol>
        {period && <p className="ioc-period">{periodLabel(period, t)}</p>}
      </nav>
      <div className="visually-hidden" role="status" aria-live="polite">{refreshedFor === search && !data.loading ? t('ioc.refreshed') : ''}</div>
      {!d && data.loading && <Loading />}
      <ErrorBox error={data.error} />
      {d && (
        <>
          <div className="ioc-top">
            <IndexPanel index={d.index} />
            <Kpis d={d} />
          </div>
          <Trend months={d.monthly} />
          {d.agencyRanking.length > 0 && (
            <EntityTable id="ioc-agencies" title={t('ioc.tables.agencies')} rows={d.agencyRanking} ranked drill={(r) => to('agency', r.id)} csv={csv('agencies')} />
          )}
          {(level === 'province' || level === 'agency') && (
            <EntityTable id="ioc-procedures" title={t('ioc.tables.procedures')} rows={d.procedures} ranked drill={drillProcedure} csv={csv('procedures')} />
          )}
          {(level === 'province' || level === 'agency') && (
            <EntityTable id="ioc-communes" title={t('ioc.tables.communes')} rows={d.communes} ranked drill={(r) => to('commune', r.id)} csv={csv('communes')} />
          )}
          {d.topLateProcedures.length > 0 && (
            <EntityTable id="ioc-top-late" title={t('ioc.tables.topLate')} rows={d.topLateProcedures} drill={drillProcedure} csv={csv('topLateProcedures')} />
          )}
          <LateList search={search} version={version} />
        </>
      )}
    </section>
  );
}

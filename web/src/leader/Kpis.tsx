/** The operational figures of the period, each with its change against the previous period. */
import { useTranslation } from 'react-i18next';
import { count, periodLabel, score, share } from './format.ts';
import type { Dashboard } from './types.ts';

type Kind = 'count' | 'share' | 'days';
const TILES: { key: string; kind: Kind; pick: (f: Dashboard['figures']) => number | null; better?: 'up' | 'down' }[] = [
  { key: 'received', kind: 'count', pick: (f) => f.received },
  { key: 'settled', kind: 'count', pick: (f) => f.settled },
  { key: 'inProgress', kind: 'count', pick: (f) => f.inProgress },
  { key: 'onTimeRate', kind: 'share', pick: (f) => f.onTimeRate, better: 'up' },
  { key: 'overdueOpen', kind: 'count', pick: (f) => f.overdueOpen, better: 'down' },
  { key: 'onlineShare', kind: 'share', pick: (f) => f.onlineShare, better: 'up' },
  { key: 'electronicReturnShare', kind: 'share', pick: (f) => f.electronicReturnShare, better: 'up' },
  { key: 'fullyOnlineProcedureShare', kind: 'share', pick: (f) => f.fullyOnlineProcedureShare, better: 'up' },
  { key: 'avgProcessingDays', kind: 'days', pick: (f) => f.avgProcessingDays, better: 'down' },
  { key: 'satisfiedShare', kind: 'share', pick: (f) => f.ratings.satisfiedShare, better: 'up' },
];

export function Kpis({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation('leader');
  const lang = i18n.language;
  const show = (kind: Kind, v: number | null) =>
    kind === 'share' ? share(v, lang) : kind === 'days' ? (v === null ? '—' : t('ioc.kpi.days', { n: score(v, lang) })) : count(v, lang);
  return (
    <section aria-labelledby="ioc-kpi-title">
      <h2 id="ioc-kpi-title">{t('ioc.kpi.title')}</h2>
      <ul className="ioc-kpis">
        {TILES.map((tile) => {
          const now = tile.pick(d.figures);
          const diff = d.trend[tile.key] ?? null; // the server's change against the previous period
          const amount = diff === null ? '' : tile.kind === 'share' ? share(Math.abs(diff), lang) : tile.kind === 'days' ? score(Math.abs(diff), lang) : count(Math.abs(diff), lang);
          const direction = diff === null ? null : diff > 0 ? 'up' : diff < 0 ? 'down' : 'same';
          const good = direction && tile.better && direction !== 'same' ? (direction === tile.better ? 'good' : 'bad') : '';
          return (
            <li key={tile.key} className="ioc-kpi card" data-kpi={tile.key}>
              <p className="ioc-kpi-label">{t(`ioc.kpi.${tile.key}`)}</p>
              <p className="ioc-kpi-value">{show(tile.kind, now)}</p>
              {direction && (
                <p className={`ioc-kpi-trend ${good}`}>
                  <span aria-hidden="true">{direction === 'up' ? '▲ ' : direction === 'down' ? '▼ ' : '■ '}</span>
                  {direction === 'same' ? t('ioc.kpi.same') : t(`ioc.kpi.${direction}`, { n: amount })}{' '}
                  <span className="muted">{t('ioc.kpi.vsPrevious', { period: periodLabel(d.previous.period, t) })}</span>
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

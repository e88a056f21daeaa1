/** The Decision 766 score and its six groups, each with its indicators; "no data" is never shown as 0. */
import { useTranslation } from 'react-i18next';
import { TableWrap } from '../ui/TableWrap.tsx';
import { score, share } from './format.ts';
import type { Group, IndexScore } from './types.ts';

function GroupRow({ g }: { g: Group }) {
  const { t, i18n } = useTranslation('leader');
  const lang = i18n.language;
  const name = lang === 'en' ? g.name.en : g.name.vi;
  const pct = g.points === null ? 0 : Math.round((g.points / g.max) * 100);
  return (
    <li className="ioc-group">
      <div className="ioc-group-head">
        <span className="ioc-group-name">{name}</span>
        <span className={g.points === null ? 'ioc-nodata' : 'ioc-group-points'}>
          {g.points === null ? t('ioc.index.noData') : `${score(g.points, lang)} / ${g.max}`}
        </span>
      </div>
      <div className="ioc-bar" aria-hidden="true">
        <span style={{ width: `${pct}%` }} />
        {g.points !== null && g.scorableMax < g.max && <span className="ioc-bar-unscorable" style={{ width: `${Math.round(((g.max - g.scorableMax) / g.max) * 100)}%` }} />}
      </div>
      <details>
        <summary>{t('ioc.index.details')}</summary>
        <TableWrap label={`${t('ioc.index.details')}: ${name}`}>
          <table className="table compact">
            <thead><tr><th scope="col">{t('ioc.index.indicator')}</th><th scope="col">{t('ioc.index.ratio')}</th><th scope="col">{t('ioc.index.points')}</th></tr></thead>
            <tbody>
              {g.indicators.map((i) => (
                <tr key={i.key}>
                  <td>{lang === 'en' ? i.name.en : i.name.vi}</td>
                  <td>{i.status === 'no_data' ? '—' : `${share(i.ratio, lang)}${i.numerator !== null ? ` (${i.numerator}/${i.denominator})` : ''}`}</td>
                  <td>{i.status === 'no_data' ? <span className="ioc-nodata">{t('ioc.index.noData')}</span> : `${score(i.points, lang)} / ${i.max}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </details>
    </li>
  );
}

export function IndexPanel({ index }: { index: IndexScore }) {
  const { t, i18n } = useTranslation('leader');
  const lang = i18n.language;
  return (
    <section className="card ioc-index" aria-labelledby="ioc-index-title">
      <h2 id="ioc-index-title">{t('ioc.index.title')}</h2>
      <div className="ioc-index-body">
        <div className="ioc-score">
          {/* The real score out of 100 first; the normalised one (only indicators with data) second. */}
          <p className="ioc-score-value" data-testid="ioc-score">{score(index.score, lang)}<span className="ioc-score-max"> / 100</span></p>
          <p className="muted">{t('ioc.index.real')}</p>
          {index.normalized !== null && (
            <p className="ioc-score-normalized" data-testid="ioc-normalized">{t('ioc.index.normalizedLine', { score: score(index.normalized, lang), max: index.scorableMax })}</p>
          )}
        </div>
        <div className="ioc-groups">
          <h3 className="visually-hidden">{t('ioc.index.groups')}</h3>
          <ul>{index.groups.map((g) => <GroupRow key={g.key} g={g} />)}</ul>
        </div>
      </div>
      <p className="muted small">{t('ioc.index.noDataNote')}</p>
    </section>
  );
}

/** The late dossiers behind the figures, each opening its dossier page (codes and dates only). */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, API } from '../api/client.ts';
import { ErrorBox, Loading } from '../ui/Feedback.tsx';
import { formatDate } from '../ui/format.ts';
import { TableWrap } from '../ui/TableWrap.tsx';
import { useApi } from '../ui/useApi.ts';
import { score } from './format.ts';
import { ShowAllButton, useShowAll } from './ShowAll.tsx';
import type { LateDossier } from './types.ts';

const FIRST = 15;

export function LateList({ search, version }: { search: string; version: number }) {
  const { t, i18n } = useTranslation('leader');
  const lang = i18n.language;
  const late = useApi((signal) => api<{ items: LateDossier[] }>(`/ioc/late-dossiers${search}&limit=50`, { signal }), [search, version]);
  const title = t('ioc.late.title');
  const more = useShowAll(late.data?.items ?? [], FIRST);
  return (
    <section className="card ioc-table" aria-labelledby="ioc-late-title">
      <div className="ioc-table-head">
        <h2 id="ioc-late-title">{title}</h2>
        <a className="btn btn-ghost" href={`${API}/ioc/late-dossiers${search}&limit=500&format=csv`} download aria-label={t('ioc.tables.csvOf', { table: title })}>
          {t('ioc.tables.csv')}
        </a>
      </div>
      <p className="muted small">{t('ioc.late.lead')}</p>
      {late.loading && !late.data && <Loading />}
      <ErrorBox error={late.error} />
      {late.data && late.data.items.length === 0 && <p className="empty">{t('ioc.late.none')}</p>}
      {late.data && late.data.items.length > 0 && (
        <TableWrap label={title}>
          <table className="table compact" id="ioc-late">
            <thead>
              <tr>
                <th scope="col">{t('ioc.late.code')}</th><th scope="col">{t('ioc.late.kind')}</th><th scope="col">{t('ioc.late.procedure')}</th>
                <th scope="col">{t('ioc.late.agency')}</th><th scope="col">{t('ioc.late.commune')}</th><th scope="col">{t('ioc.late.dueAt')}</th>
                <th scope="col">{t('ioc.late.resultAt')}</th><th scope="col" className="num">{t('ioc.late.daysLate')}</th>
              </tr>
            </thead>
            <tbody>
              {more.shown.map((d) => (
                <tr key={d.code} className={d.kind === 'open_overdue' ? 'row-overdue' : ''}>
                  <th scope="row"><Link className="dossier-code" to={`/desk/dossiers/${encodeURIComponent(d.code)}`}>{d.code}</Link></th>
                  <td><span className={d.kind === 'open_overdue' ? 'badge deadline-overdue' : 'badge timing-late'}>{t(`ioc.late.kinds.${d.kind}`)}</span></td>
                  <td><span className="ioc-clamp" title={d.procedureName}>{d.procedureName}</span></td>
                  <td><span className="ioc-clamp" title={d.agencyName}>{d.agencyName}</span></td>
                  <td>{d.communeName ?? '—'}</td>
                  <td>{formatDate(d.dueAt, lang)}</td>
                  <td>{formatDate(d.resultAt, lang)}</td>
                  <td className="num">{score(d.daysLate, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <ShowAllButton state={more} controls="ioc-late" />
    </section>
  );
}

/** A table of agencies, procedures or communes with their figures; each name drills down; CSV export. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TableWrap } from '../ui/TableWrap.tsx';
import { count, score, share } from './format.ts';
import { ShowAllButton, useShowAll } from './ShowAll.tsx';
import type { Row } from './types.ts';

const FIRST = 10;

export function EntityTable({ id, title, rows, drill, csv, ranked }: {
  id: string;
  title: string;
  rows: Row[];
  /** The dashboard a row opens. */
  drill: (r: Row) => string;
  csv: string;
  ranked?: boolean;
}) {
  const { t, i18n } = useTranslation('leader');
  const lang = i18n.language;
  const more = useShowAll(rows, FIRST);
  return (
    <section className="card ioc-table" aria-labelledby={`${id}-title`}>
      <div className="ioc-table-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <a className="btn btn-ghost" href={csv} download aria-label={t('ioc.tables.csvOf', { table: title })}>{t('ioc.tables.csv')}</a>
      </div>
      {rows.length === 0 ? <p className="empty">{t('ioc.tables.none')}</p> : (
        <TableWrap label={title}>
          <table className="table compact" id={id}>
            <thead>
              <tr>
                {ranked && <th scope="col">{t('ioc.tables.rank')}</th>}
                <th scope="col">{t('ioc.tables.name')}</th>
                <th scope="col" className="num">{t('ioc.tables.score')}</th>
                <th scope="col" className="num">{t('ioc.tables.received')}</th>
                <th scope="col" className="num">{t('ioc.tables.settled')}</th>
                <th scope="col" className="num">{t('ioc.tables.onTimeRate')}</th>
                <th scope="col" className="num">{t('ioc.tables.late')}</th>
                <th scope="col" className="num">{t('ioc.tables.overdueOpen')}</th>
                <th scope="col" className="num">{t('ioc.tables.onlineShare')}</th>
              </tr>
            </thead>
            <tbody>
              {more.shown.map((r) => (
                <tr key={r.id}>
                  {ranked && <td>{r.rank}</td>}
                  <th scope="row"><span className="ioc-clamp" title={r.name}><Link to={drill(r)}>{r.name}</Link></span></th>
                  <td className="num">{score(r.score, lang)}</td>
                  <td className="num">{count(r.received, lang)}</td>
                  <td className="num">{count(r.settled, lang)}</td>
                  <td className="num">{share(r.onTimeRate, lang)}</td>
                  <td className={r.late > 0 ? 'num ioc-late' : 'num'}>{count(r.late, lang)}</td>
                  <td className="num">{count(r.overdueOpen, lang)}</td>
                  <td className="num">{share(r.onlineShare, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <ShowAllButton state={more} controls={id} />
    </section>
  );
}

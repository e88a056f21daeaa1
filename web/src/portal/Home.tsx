/** Home: procedure search (diacritics-insensitive, on the server), filters, results, most-used procedures. */
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api, query } from '../api/client.ts';
import type { ProcedureSummary } from '../api/types.ts';
import { ErrorBox, Loading, useTitle } from '../ui/Feedback.tsx';
import { useApi } from '../ui/useApi.ts';
import { ProcedureList } from './ProcedureList.tsx';
import { SearchForm, type SearchValues } from './SearchForm.tsx';
import { popular } from '../api/catalog.ts';

const PAGE = 10;

export default function Home() {
  const { t } = useTranslation('portal');
  useTitle(undefined);
  const [params, setParams] = useSearchParams();
  const values: SearchValues = {
    q: params.get('q') ?? '', field: params.get('field') ?? '', agency: params.get('agency') ?? '',
    level: params.get('level') ?? '', online: params.get('online') ?? '',
  };
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const searching = Object.values(values).some(Boolean);
  const key = params.toString();

  const results = useApi((signal) => api<{ items: ProcedureSummary[]; total: number }>(`/procedures${query({
    q: values.q, field: values.field, agency: values.agency, level: values.level, onlineLevel: values.online, limit: PAGE, offset: page * PAGE,
  })}`, { signal }), [key]);
  const top = useApi(() => popular(6), []);

  function search(v: SearchValues) {
    const next = new URLSearchParams();
    for (const [k, val] of Object.entries(v)) if (val) next.set(k, val);
    setParams(next);
  }
  function goto(p: number) {
    const next = new URLSearchParams(params);
    if (p) next.set('page', String(p));
    else next.delete('page');
    setParams(next);
  }

  const total = results.data?.total ?? 0;
  return (
    <>
      <section className="hero" aria-labelledby="page-title">
        <h1 id="page-title">{t('home.title')}</h1>
        <p>{t('home.lead')}</p>
        <SearchForm values={values} onSearch={search} />
      </section>

      {!searching && (
        <section aria-labelledby="popular-title" className="section">
          <h2 id="popular-title">{t('home.popular')}</h2>
          {top.loading ? <Loading /> : <ErrorBox error={top.error} />}
          {top.data && <ProcedureList items={top.data} compact />}
        </section>
      )}

      <section aria-labelledby="results-title" className="section">
        <h2 id="results-title">{searching ? t('home.results', { count: total }) : t('home.all', { count: total })}</h2>
        <div aria-live="polite">
          {results.loading && <Loading />}
          <ErrorBox error={results.error} />
          {results.data && results.data.items.length === 0 && <p className="empty">{t('home.none')}</p>}
        </div>
        {results.data && <ProcedureList items={results.data.items} />}
        {total > PAGE && (
          <nav className="pager" aria-label={t('common.pages')}>
            <button type="button" className="btn" disabled={page === 0} onClick={() => goto(page - 1)}>{t('common.previous')}</button>
            <span>{t('common.pageOf', { page: page + 1, pages: Math.ceil(total / PAGE) })}</span>
            <button type="button" className="btn" disabled={(page + 1) * PAGE >= total} onClick={() => goto(page + 1)}>{t('common.next')}</button>
          </nav>
        )}
      </section>
    </>
  );
}

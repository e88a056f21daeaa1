/** The citizen's dossiers, newest first, keyset-paged ("show more"). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, query } from '../api/client.ts';
import type { DossierSummary } from '../api/types.ts';
import { StatusBadge } from '../ui/Badges.tsx';
import { ErrorBox, Loading, PageHeader } from '../ui/Feedback.tsx';
import { formatDateTime } from '../ui/format.ts';
import { useApi } from '../ui/useApi.ts';
import { useSession } from '../auth/session.tsx';

type Page = { items: DossierSummary[]; nextCursor: string | null };

export default function MyDossiers() {
  const { t, i18n } = useTranslation(['citizen', 'dossier']);
  const { user } = useSession();
  const [more, setMore] = useState<DossierSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const first = useApi(async (signal) => {
    const page = await api<Page>(`/dossiers${query({ mine: 'true', limit: 10 })}`, { signal });
    setMore([]);
    setCursor(page.nextCursor);
    return page;
  }, []);

  async function loadMore() {
    if (!cursor) return;
    try {
      const page = await api<Page>(`/dossiers${query({ mine: 'true', limit: 10, cursor })}`);
      setMore((m) => [...m, ...page.items]);
      setCursor(page.nextCursor);
    } catch (err) {
      setError(err);
    }
  }

  const items = [...(first.data?.items ?? []), ...more];
  return (
    <section>
      <PageHeader title={t('mine.title')}>
        <Link className="btn btn-primary" to="/">{t('mine.new')}</Link>
      </PageHeader>
      {user?.assurance === 'basic' && <p className="alert alert-info" role="note">{t('mine.unverified')}</p>}
      {first.loading && <Loading />}
      <ErrorBox error={first.error ?? error} />
      {first.data && items.length === 0 && <p className="empty">{t('mine.none')}</p>}
      <ul className="cards">
        {items.map((d) => (
          <li key={d.code} className="card dossier-card">
            <h2 className="h3"><Link to={`/me/dossiers/${d.code}`}>{d.procedure.name}</Link></h2>
            <p className="meta"><span className="dossier-code">{d.code}</span><span>{t(`channels.${d.channel}`)}</span></p>
            <p><StatusBadge code={d.statusCode} name={d.statusName} /></p>
            <dl className="facts compact">
              <div className="fact"><dt>{t('dossier.submittedAt')}</dt><dd>{formatDateTime(d.submittedAt, i18n.language)}</dd></div>
              <div className="fact"><dt>{t('dossier.dueAt')}</dt><dd>{d.dueAt ? formatDateTime(d.dueAt, i18n.language) : t('dossier.dueOnReception')}</dd></div>
            </dl>
          </li>
        ))}
      </ul>
      {cursor && <button type="button" className="btn" onClick={loadMore}>{t('common.more')}</button>}
    </section>
  );
}

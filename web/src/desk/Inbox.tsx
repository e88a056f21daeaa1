/** The officer's work queue (/workqueue): by due date, coloured by deadline state, filtered, keyset-paged. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, query } from '../api/client.ts';
import type { QueueItem } from '../api/types.ts';
import { can, useSession } from '../auth/session.tsx';
import { agencies } from '../api/catalog.ts';
import { ErrorBox, Loading, PageHeader } from '../ui/Feedback.tsx';
import { useApi } from '../ui/useApi.ts';
import { InboxFilters, type Filters } from './InboxFilters.tsx';
import { InboxTable } from './InboxTable.tsx';

const LIMIT = 20;

export default function Inbox() {
  const { t, i18n } = useTranslation('desk');
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const filters: Filters = { status: params.get('status') ?? '', due: params.get('due') ?? '', procedure: params.get('procedure') ?? '', code: params.get('code') ?? '' };
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length - 1;
  const key = params.toString();
  const agency = useApi(async () => (await agencies()).find((a) => a.id === user?.agencyId), [user?.agencyId]);
  const list = useApi((signal) => api<{ items: QueueItem[]; nextCursor: string | null }>(`/workqueue${query({
    status: filters.status, due: filters.due, procedure: filters.procedure.trim(), code: filters.code.trim(), limit: LIMIT, cursor: cursors[page],
  })}`, { signal }), [key, cursors]);

  function apply(f: Filters) {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v.trim()) next.set(k, v.trim());
    setParams(next);
    setCursors([undefined]);
  }

  const agencyName = agency.data ? (i18n.language === 'en' ? agency.data.name_en : agency.data.name) : '';
  return (
    <section>
      <PageHeader title={t('inbox.title')}>
        <p className="muted">
          {agencyName}{agencyName && ' · '}{user?.roles.map((r) => t(`roles.${r}`)).join(', ')}
        </p>
        {can(user, 'counter_intake') && <Link className="btn btn-primary" to="/desk/intake">{t('nav.intake')}</Link>}
      </PageHeader>
      <InboxFilters value={filters} onApply={apply} />
      <p className="legend" aria-hidden="true">
        <span className="muted">{t('inbox.legend')}</span>
        <span className="badge deadline-on_time">{t('deadline.on_time')}</span>
        <span className="badge deadline-nearing_due">{t('deadline.nearing_due')}</span>
        <span className="badge deadline-overdue">{t('deadline.overdue')}</span>
      </p>
      <div aria-live="polite">
        {list.loading && <Loading />}
        <ErrorBox error={list.error} />
        {list.data && list.data.items.length === 0 && <p className="empty">{t('inbox.none')}</p>}
      </div>
      {list.data && list.data.items.length > 0 && <InboxTable items={list.data.items} />}
      <nav className="pager" aria-label={t('common.pages')}>
        <button type="button" className="btn" disabled={page === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>{t('common.previous')}</button>
        <span>{t('inbox.page', { page: page + 1 })}</span>
        <button type="button" className="btn" disabled={!list.data?.nextCursor}
          onClick={() => list.data?.nextCursor && setCursors((c) => [...c, list.data!.nextCursor!])}>{t('common.next')}</button>
      </nav>
    </section>
  );
}

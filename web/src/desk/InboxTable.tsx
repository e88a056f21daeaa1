/** Queue rows; on phones each row becomes a card (labels from data-label). */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { QueueItem } from '../api/types.ts';
import { DeadlineBadge, StatusBadge } from '../ui/Badges.tsx';
import { formatDateTime } from '../ui/format.ts';
import { TableWrap } from '../ui/TableWrap.tsx';

export function InboxTable({ items }: { items: QueueItem[] }) {
  const { t, i18n } = useTranslation(['desk', 'dossier']);
  return (
    <TableWrap label={t('inbox.title')}>
      <table className="table inbox responsive">
        <caption className="visually-hidden">{t('inbox.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('inbox.code')}</th>
            <th scope="col">{t('dossier.procedure')}</th>
            <th scope="col">{t('dossier.applicant')}</th>
            <th scope="col">{t('inbox.status')}</th>
            <th scope="col">{t('dossier.dueAt')}</th>
            <th scope="col">{t('inbox.stepDue')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.code} className={d.deadlineState ? `row-${d.deadlineState}` : undefined}>
              <th scope="row" data-label={t('inbox.code')}><Link to={`/desk/dossiers/${d.code}`} className="dossier-code">{d.code}</Link></th>
              <td data-label={t('dossier.procedure')}>{d.procedure.name}</td>
              <td data-label={t('dossier.applicant')}>{d.applicantName}</td>
              <td data-label={t('inbox.status')}><StatusBadge code={d.statusCode} name={d.statusName} /></td>
              <td data-label={t('dossier.dueAt')}>
                {d.dueAt ? formatDateTime(d.dueAt, i18n.language) : '—'} <DeadlineBadge state={d.deadlineState} />
              </td>
              <td data-label={t('inbox.stepDue')}>
                {d.stepDueAt ? formatDateTime(d.stepDueAt, i18n.language) : '—'} <DeadlineBadge state={d.stepDeadlineState} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
